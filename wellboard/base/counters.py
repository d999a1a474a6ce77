"""Requests counted in fixed windows, in the database, so that every server process (each
gunicorn worker, each machine) adds to the same count: a count kept in a process's own
memory lets a client N times its limit through N processes.

The window is fixed (it starts at a multiple of its length since the epoch): simple to
reason about, and a burst at a window's edge can at most double a limit, enough to stop a
runaway script. The consultation forms' limiter and the API's rate limit count here.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone


def window_start(now: datetime, window: timedelta) -> datetime:
    """The start of the window of length `window` that holds `now`."""
    seconds = int(window.total_seconds())
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=timezone.get_current_timezone())


def keyed(text: str) -> str:
    """A keyed hash of who is counted (an address, a token): stable, meaningless without
    the key, and always 64 characters whatever it hashes."""
    return hmac.new(settings.SECRET_KEY.encode(), text.encode(), hashlib.sha256).hexdigest()


def count_hit(model: type[models.Model], start: datetime, **key: Any) -> int:
    """Add one to the counter of `key` for the window starting at `start`; the count after.

    The UPDATE comes first, so the row is locked (PostgreSQL) or the database is reserved
    (SQLite) before anything is read, and the count read back is this request's own; two
    processes making the window's first row race on its unique constraint, and the loser
    adds to the winner's row.
    """
    rows = model._default_manager.filter(window_start=start, **key)
    with transaction.atomic():
        if not rows.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    model._default_manager.create(window_start=start, count=1, **key)
            except IntegrityError:
                rows.update(count=F("count") + 1)
        return int(rows.values_list("count", flat=True).get())
