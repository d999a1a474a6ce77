"""Make the signed-in user the author of every change recorded during a request."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from wellboard.history.recorder import acting_as


class HistoryUserMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The user is resolved lazily, so requests that change nothing cost no query.
        with acting_as(request.user):
            return self.get_response(request)
