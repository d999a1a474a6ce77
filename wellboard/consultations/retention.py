"""Personal data is not kept for ever: `wellboard consultation purge` erases what is past
its retention date (and the rate limiter's old counters); the worker runs it daily."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from wellboard.consultations import limiter
from wellboard.consultations.models import Response


@dataclass(frozen=True)
class Purged:
    responses: int
    counters: int


def purge(today: date | None = None, now: datetime | None = None) -> Purged:
    """Erase the personal data of every response kept past its date; drop counters of
    windows over a day old. Running it twice does nothing the second time."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    due = Response.objects.filter(retain_until__lt=today, erased_at__isnull=True)
    count = 0
    for response in due.iterator():
        response.erase_personal_data(Response.Erasure.RETENTION)
        count += 1
    counters = limiter.forget_before(now - timedelta(days=1))
    return Purged(count, counters)


def daily_purge() -> None:
    purge()


def register_daily_purge() -> None:
    """The worker runs the purge once a day (the command does the same by hand or from cron)."""
    from wellboard.tasks.periodic import periodic_jobs

    periodic_jobs.register("consultation.purge", every=timedelta(days=1))(daily_purge)
