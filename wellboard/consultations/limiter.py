"""A small per-client rate limit for the public forms, counted in the database.

Counting in the database (not a per-process cache) means every web process sees the same
count. A client is its network address, kept only as a keyed hash. The window is fixed
(it starts on the hour, for an hour's window): simple to reason about, and a burst at a
window's edge can at most double the limit, which is enough to stop a script.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

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
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def _window_start(now: datetime, window: timedelta) -> datetime:
    seconds = int(window.total_seconds())
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=timezone.get_current_timezone())


def allow(request: HttpRequest, limit: Limit, now: datetime | None = None) -> bool:
    """Count this request against the client's window; False once it is over the limit."""
    now = now or timezone.now()
    start = _window_start(now, limit.window)
    with transaction.atomic():
        hit, _ = ClientHit.objects.get_or_create(
            scope=limit.scope, client=client_key(request), window_start=start
        )
        ClientHit.objects.filter(pk=hit.pk).update(count=F("count") + 1)
        hit.refresh_from_db(fields=["count"])
    return hit.count <= limit.count


def retry_after(limit: Limit, now: datetime | None = None) -> int:
    """Minutes until the client's current window ends."""
    now = now or timezone.now()
    end = _window_start(now, limit.window) + limit.window
    return max(1, int((end - now).total_seconds() // 60) + 1)


def forget_before(moment: datetime) -> int:
    """Delete counters of windows that started before `moment`; how many went."""
    deleted, _ = ClientHit.objects.filter(window_start__lt=moment).delete()
    return deleted
