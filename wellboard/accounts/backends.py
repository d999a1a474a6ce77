"""The sign-in backend that counts failures (django-axes) for sign-ins made over the web."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class ThrottledSignIn(AxesStandaloneBackend):
    """Refuses a locked-out account on the sign-in page.

    Only web requests are counted: `authenticate()` called without a request (a
    management command, a test's `Client.login`) cannot be brute-forced from outside and
    goes straight to the password check of the next backend.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
