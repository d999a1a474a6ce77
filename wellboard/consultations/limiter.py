"""A small per-client rate limit for the public forms, counted in the database.

Counted in the database by base/counters.py (not a per-process cache), so every web
process sees the same count, in fixed windows (on the hour, for an hour's window). A client
is its network address, kept only as a keyed hash.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from wellboard.base.counters import count_hit, keyed, window_start
from wellboard.consultations.models import ClientHit


@dataclass(frozen=True)
class Limit:
    scope: str
    count: int
    window: timedelta


def responses_limit() -> Limit:
    return Limit("respond", settings.CONSULTATION_RESPONSES_PER_HOUR, timedelta(hours=1))


def comments_limit() -> Limit:
    return Limit("comment", settings.CONSULTATION_COMMENTS_PER_HOUR, timedelta(hours=1))


def client_key(request: HttpRequest) -> str:
    """A keyed hash of the client's address: stable per client, meaningless without the key."""
    header = settings.CLIENT_ADDRESS_HEADER
    address = request.META.get(header, "").split(",")[-1].strip() or "unknown"
    return keyed(address)


def allow(request: HttpRequest, limit: Limit, now: datetime | None = None) -> bool:
    """Count this request against the client's window; False once it is over the limit."""
    start = window_start(now or timezone.now(), limit.window)
    count = count_hit(ClientHit, start, scope=limit.scope, client=client_key(request))
    return count <= limit.count


def retry_after(limit: Limit, now: datetime | None = None) -> int:
    """Minutes until the client's current window ends."""
    now = now or timezone.now()
    end = window_start(now, limit.window) + limit.window
    return max(1, int((end - now).total_seconds() // 60) + 1)


def forget_before(moment: datetime) -> int:
    """Delete counters of windows that started before `moment`; how many went."""
    deleted, _ = ClientHit.objects.filter(window_start__lt=moment).delete()
    return deleted
