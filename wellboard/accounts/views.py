"""Sign in and out (Django's own views, with the NHS.UK templates); accept an invitation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.accounts.invitations import check_token


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.jinja"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    """POST signs out (Django refuses GET for logout, as it should: no CSRF-able links)."""

    template_name = "accounts/logged_out.jinja"


# The invitation link: anyone holding it may set the invited user's password, once, for
# seven days (wellboard/accounts/invitations.py); a bad link gets a clear page, not a 500.
@guard(signed_in=False, methods=("GET", "POST"))
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    found = check_token(token)
    if found.user is None:
        refused = {"expired": found.problem == "expired"}
        return render(request, "accounts/invitation_refused.jinja", refused, status=400)
    form = SetPasswordForm(found.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Your password is set and you are signed in.")
        return redirect("web:home")
    context: dict[str, Any] = {"form": form, "invited": found.user}
    status = 400 if form.errors else 200
    return render(request, "accounts/invitation.jinja", context, status=status)
