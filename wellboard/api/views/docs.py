"""The API's documentation page (Swagger UI), with a line that says how this visitor can
try it: signed in, "Try it out" sends their session (and the CSRF token for writes), so it
does what their role allows; an administrator is shown where tokens are made."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.request import Request
from rest_framework.response import Response

from wellboard.accounts.permissions import partnerships_where
from wellboard.partnerships.models import Partnership


class DocsView(SpectacularSwaggerSplitView):
    template_name = "api/swagger_ui.html"

    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().get(request, *args, **kwargs)
        if request.GET.get("script") is None:  # the page, not its start-up script
            response.data["token_pages"] = token_pages(request.user)
            response.data["login_url"] = reverse("accounts:login")
        return response


def token_pages(user: Any) -> list[tuple[str, str]]:
    """(partnership, its API tokens page) where the user's role makes tokens."""
    ids = partnerships_where(user, "api_token.manage")
    found = Partnership.objects.filter(pk__in=ids).order_by("name")
    return [(p.name, reverse("api_pages:tokens", args=[p.pk])) for p in found]
