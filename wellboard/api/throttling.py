"""Rate limits per token (and per signed-in user, and per address for everyone else).

The rate is WELLBOARD_API_RATE (e.g. "600/min"), read on each request so tests and
operators can change it. Counts live in Django's cache: each server process counts on its
own unless a shared cache is configured, so the limit is per process (README says so).
A refusal is 429 with ``Retry-After``, as DRF sends it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from wellboard.api.models import ApiToken


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api"

    def get_rate(self) -> str:
        return str(getattr(settings, "WELLBOARD_API_RATE", "600/min"))

    def get_cache_key(self, request: Request, view: Any) -> str:
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"address-{self.get_ident(request)}"
        return f"throttle_{self.scope}_{ident}"
