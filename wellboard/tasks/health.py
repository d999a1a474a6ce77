"""Is the task queue working? Asked by /healthz and by the status page."""

from __future__ import annotations

from django.db import DatabaseError
from django_tasks_db.models import DBTaskResult

from wellboard.tasks import leases


def worker_alive() -> bool:
    """True when some worker has beaten its heartbeat within the last lease."""
    return bool(leases.live_workers())


def queue_problem() -> str | None:
    """A short reason when tasks would not run now, else None."""
    try:
        DBTaskResult.objects.ready().exists()  # the queue's table answers
        alive = worker_alive()
    except DatabaseError:
        return "task queue unavailable"
    if not alive:
        return f"no task worker seen in the last {leases.lease_seconds():g} s"
    return None
