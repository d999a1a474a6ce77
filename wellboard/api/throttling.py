"""Rate limits per token (and per signed-in user, and per address for everyone else).

The rate is WELLBOARD_API_RATE (e.g. "600/min"), read on each request so tests and
operators can change it. Requests are counted in the database (RequestCount, through
base/counters.py), not in a process's memory: with several gunicorn workers a token gets
its rate, not the rate times the workers. Windows are fixed (a minute from :00 for
"/min"), so a burst across a window's edge can at most double the rate. A refusal is 429
with ``Retry-After``, the seconds until the window ends, as DRF sends it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from wellboard.api.models import ApiToken, RequestCount
from wellboard.base.counters import count_hit, keyed, window_start


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api"
    ends: datetime | None = None  # the window's end, once a request is refused

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

    def allow_request(self, request: Request, view: Any) -> bool:
        """Count the request in the caller's window; refuse it once over the rate."""
        assert self.num_requests is not None and self.duration is not None
        window = timedelta(seconds=self.duration)
        key = keyed(self.get_cache_key(request, view))
        start = window_start(timezone.now(), window)
        count = count_hit(RequestCount, start, key=key)
        if count == 1:  # the caller's first request of a window: earlier ones are done with
            RequestCount.objects.filter(key=key, window_start__lt=start).delete()
        if count <= self.num_requests:
            return True
        self.ends = start + window
        return False

    def wait(self) -> float | None:
        """Seconds until the refused caller's window ends."""
        if self.ends is None:
            return None
        return max(1.0, (self.ends - timezone.now()).total_seconds())
