"""Locked sign-ins: the page a locked-out user sees, and unlocking by an administrator."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def _minutes(request: HttpRequest) -> int:
    cool_off = get_cool_off(request)
    return int(cool_off.total_seconds() // 60) if cool_off else 0


def locked_out_response(
    request: HttpRequest, response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """The sign-in page again, status 429, saying why and what to do (AXES_LOCKOUT_CALLABLE)."""
    username = request.POST.get("username", "")[:150]
    message = (
        f"Too many failed attempts to sign in as {username}. The account is locked for "
        f"{_minutes(request)} minutes: try again later, or ask an administrator of your "
        "partnership to unlock it."
    )
    context = {
        "form": AuthenticationForm(request, initial={"username": username}),
        "next": request.POST.get("next", request.GET.get("next", "")),
        "locked_message": message,
    }
    return render(request, "accounts/login.jinja", context, status=429)


def locked_usernames(usernames: Iterable[str]) -> list[str]:
    """Which of these usernames are locked out now, in alphabetical order."""
    attempts = AccessAttempt.objects.filter(
        username__in=list(usernames), failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    )
    return sorted({a.username for a in attempts if a.username})


def unlock(username: str) -> int:
    """Forget the failures of one username; returns how many records were removed."""
    return int(reset(username=username))
