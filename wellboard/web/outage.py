"""A clear 503 page while the database is unreachable, instead of a server error.

The page is drawn without touching the database (no user, no session, no messages), and
says to try again in a minute; `Retry-After` tells browsers and monitors the same. With
`CONN_HEALTH_CHECKS` on (settings), a connection the database dropped during a restart is
replaced before the next request uses it, so only requests made during the outage see
this page.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger(__name__)
OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 60


def unavailable_response() -> HttpResponse:
    html = render_to_string("web/unavailable.jinja", {"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Turns a view's lost-database error into the 503 page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OUTAGE_ERRORS):
            logger.error("database unavailable for %s: %s", request.path, exception)
            return unavailable_response()
        return None


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the 503 page for a lost database met outside a view (a middleware)."""
    if isinstance(sys.exc_info()[1], OUTAGE_ERRORS):
        return unavailable_response()
    return defaults.server_error(request)
