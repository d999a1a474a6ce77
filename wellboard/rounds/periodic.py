"""The scheduler pass as one of the worker's periodic jobs: quick, since sending is
handed to the queue as one task per email (delivery.send_email_request)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from wellboard.rounds.scheduler import tick
from wellboard.tasks.periodic import periodic_jobs

EVERY = timedelta(minutes=5)


@periodic_jobs.register("rounds.tick", every=EVERY)
def run_scheduler() -> None:
    tick(timezone.now(), send="queue")
