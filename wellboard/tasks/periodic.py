"""Periodic jobs: the place where work that runs every few minutes hooks into the worker.

An app registers a job in its `AppConfig.ready()`:

    from datetime import timedelta
    from wellboard.tasks.periodic import periodic_jobs

    @periodic_jobs.register("reminders.scan", every=timedelta(minutes=5))
    def scan_for_reminders() -> None:
        ...  # short: find what is due and queue tasks for the heavy work

Between tasks each `wellboard worker` calls `run_due()`. Whichever worker first finds a
job due takes it with a conditional UPDATE of its `PeriodicJobRun` row, so with several
workers a job still runs once per period. A job that raises is logged and tried again
next period; it never stops the worker. Jobs should be quick and safe to run again (a
worker can die half-way through one): queue tasks for anything long.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone

from wellboard.tasks.models import PeriodicJobRun

logger = logging.getLogger(__name__)

JobFunction = Callable[[], None]


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    run: JobFunction


class PeriodicJobs:
    """A registry of jobs; the worker runs the global `periodic_jobs` one."""

    def __init__(self) -> None:
        self._jobs: dict[str, PeriodicJob] = {}

    def register(self, name: str, *, every: timedelta) -> Callable[[JobFunction], JobFunction]:
        if len(name) > 100:
            raise ValueError(f"periodic job names have at most 100 characters: {name!r}")
        if every <= timedelta(0):
            raise ValueError(f"periodic job {name!r} needs a positive interval")

        def decorate(func: JobFunction) -> JobFunction:
            if name in self._jobs and self._jobs[name].run is not func:
                raise ValueError(f"a periodic job named {name!r} is already registered")
            self._jobs[name] = PeriodicJob(name, every, func)
            return func

        return decorate

    def __iter__(self) -> Iterator[PeriodicJob]:
        return iter(sorted(self._jobs.values(), key=lambda job: job.name))

    def __len__(self) -> int:
        return len(self._jobs)

    def run_due(self, now: datetime | None = None) -> list[str]:
        """Run every job due now that no other worker has taken; returns their names."""
        ran = []
        for job in self:
            if _take(job, now or timezone.now()):
                try:
                    job.run()
                except (OperationalError, InterfaceError):
                    raise  # the worker's reconnect logic deals with a lost database
                except Exception:
                    logger.exception("Periodic job %s failed", job.name)
                ran.append(job.name)
        return ran


def _take(job: PeriodicJob, now: datetime) -> bool:
    """Mark the job as run now if it is due; False if it is not, or another worker won."""
    if not PeriodicJobRun.objects.filter(pk=job.name).exists():
        try:
            with transaction.atomic():
                PeriodicJobRun.objects.create(name=job.name, last_run_at=None)
        except IntegrityError:
            pass  # another worker created it first
    due = Q(last_run_at__isnull=True) | Q(last_run_at__lte=now - job.every)
    return bool(PeriodicJobRun.objects.filter(due, pk=job.name).update(last_run_at=now))


periodic_jobs = PeriodicJobs()
