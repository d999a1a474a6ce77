"""Every API error as an RFC 9457 problem: application/problem+json with type, title,
status and detail (and, for a refused body, which field was wrong and why)."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

CONTENT_TYPE = "application/problem+json"


def problem_body(status: int, detail: str, **extra: Any) -> dict[str, Any]:
    """The status says what kind of problem it is, so the type is "about:blank" and the
    title the status's phrase (RFC 9457, section 4.2.1); the detail says what happened."""
    title = HTTPStatus(status).phrase
    return {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}


def _detail(data: Any) -> tuple[str, dict[str, Any]]:
    """A one-line detail, plus the field errors of a refused body."""
    if isinstance(data, dict) and set(data) == {"detail"}:
        return str(data["detail"]), {}
    if isinstance(data, dict):
        errors = {k: [str(m) for m in (v if isinstance(v, list) else [v])] for k, v in data.items()}
        lines = [f"{k}: {' '.join(v)}" for k, v in errors.items()]
        return "; ".join(lines), {"errors": errors}
    if isinstance(data, list):
        return " ".join(str(item) for item in data), {}
    return str(data), {}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler (which turns Http404 and PermissionDenied into its own), reshaped."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound("Nothing with that id exists for you.")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or "Your role does not allow this.")
    response = drf_handler(exc, context)
    if response is None:
        return None
    detail, extra = _detail(response.data)
    response.data = problem_body(response.status_code, detail, **extra)
    response.content_type = CONTENT_TYPE
    return response


def problem(status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    """A problem answered by a view itself (412, 428)."""
    return Response(
        problem_body(status, detail), status=status, content_type=CONTENT_TYPE, headers=headers
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The site's 404: a problem for an API address, the usual page elsewhere."""
    if request.path.startswith("/api/"):
        body = problem_body(404, "There is no such API address.")
        return JsonResponse(body, status=404, content_type=CONTENT_TYPE)
    return defaults.page_not_found(request, exception or Http404())
