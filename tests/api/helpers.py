"""Calling the API as a token holder, as an integration would."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from wellboard.api.tokens import create_token


def token_for(user: Any, partnership: Any, *, write: bool = True) -> str:
    return create_token(user=user, partnership=partnership, name="Test", can_write=write)[1]


def call(method: str, url: str, token: str | None = None, body: Any = None, **headers: str) -> Any:
    """One request with `Authorization: Bearer <token>` and a JSON body."""
    client = Client()
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
    if token is not None:
        extra["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    data = json.dumps(body) if body is not None else None
    return client.generic(method, url, data=data or "", content_type="application/json", **extra)


def is_problem(response: Any, status: int) -> bool:
    """An RFC 9457 problem document with the given status."""
    body = response.json()
    return (
        response.status_code == status
        and response["Content-Type"].startswith("application/problem+json")
        and body["status"] == status
        and body["type"] == "about:blank"
        and bool(body["title"])
        and bool(body["detail"])
    )
