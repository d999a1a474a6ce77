"""The administrators' API tokens page: list, make (the secret shown once) and revoke."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.api import tokens
from wellboard.api.forms import TokenForm
from wellboard.api.models import ApiToken
from wellboard.partnerships.models import Partnership


@guard("api_token.manage", Partnership, methods=("GET", "POST"))
def token_list(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    form = TokenForm(request.POST or None, partnership=partnership)
    made = ""
    if request.method == "POST" and form.is_valid():
        try:
            _, made = tokens.create_token(
                user=form.cleaned_data["user"],
                partnership=partnership,
                name=form.cleaned_data["name"],
                can_write=form.cleaned_data["can_write"],
                created_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            form = TokenForm(partnership=partnership)
    listed = ApiToken.objects.filter(partnership=partnership).select_related("user")
    context = {"partnership": partnership, "form": form, "tokens": listed, "made": made}
    # The new secret is on this answer only: never stored, so never shown again.
    response = render(request, "api/tokens.jinja", context, status=400 if form.errors else 200)
    response["Cache-Control"] = "no-store"
    return response


@guard("api_token.manage", ApiToken, methods=("POST",))
def revoke(request: HttpRequest, token: ApiToken) -> HttpResponse:
    if tokens.revoke(token, by=request.user):
        messages.success(request, f"Revoked {token}. Anything using it is refused from now on.")
    else:
        messages.info(request, f"{token} was already revoked.")
    return redirect("api_pages:tokens", token.partnership_id)
