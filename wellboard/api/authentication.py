"""``Authorization: Bearer <token>`` for integrations (signed-in browsers use the session)."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from wellboard.accounts.permissions import narrow_to
from wellboard.api import tokens


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """The token's user, with rights narrowed to the token's partnership; ``request.auth``
    is the token, so the rules' layer can see it reads only unless made for writing."""

    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, Model] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        keyword, _, token = header.partition(" ")
        if keyword.lower() != self.keyword.lower():
            return None
        record = tokens.find(token.strip())
        if record is None:
            raise exceptions.AuthenticationFailed("The token is unknown, revoked or expired.")
        tokens.touch(record)
        user = record.user
        narrow_to(user, record.partnership_id)
        return user, record

    def authenticate_header(self, request: Request) -> str:
        return f'{self.keyword} realm="api"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """How the schema describes the token, so documentation and Schemathesis send it."""

    target_class = "wellboard.api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer", "description": "An API token."}
