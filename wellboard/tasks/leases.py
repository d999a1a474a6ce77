"""Leases: how a task whose worker died gets run again, and only then.

django-tasks' database backend marks a task RUNNING when a worker claims it and never
looks at it again: a worker killed by the kernel (out of memory, SIGKILL, a power cut)
leaves it RUNNING for ever. Each Wellboard worker therefore keeps a `WorkerHeartbeat`
row fresh every `heartbeat_seconds()` from a thread, naming the task it runs. Any worker
puts back in the queue a RUNNING task whose worker has not been seen for a lease
(`lease_seconds()`), or whose worker says it is running something else; after
`MAX_ATTEMPTS` starts the task is failed instead, so a task that kills its worker
cannot loop for ever.

Every change of a claimed task is conditional on the claim it was made under (its id,
RUNNING and the `started_at` of that claim), so a worker that lost its lease can never
overwrite what the worker that took over recorded.
"""

from __future__ import annotations

import logging
import os
import socket
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from wellboard.tasks.models import BackgroundTask, WorkerHeartbeat
from wellboard.tasks.status import TaskStatus

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
WORKER_LOST = "wellboard.tasks.leases.WorkerLost"


class WorkerLost(Exception):
    """Recorded as a task's exception when its worker stopped too often while running it."""


def lease_seconds() -> float:
    return float(getattr(settings, "WELLBOARD_WORKER_LEASE_SECONDS", 30))


def heartbeat_seconds() -> float:
    """Six beats per lease: a worker must miss several in a row before it loses a task."""
    return lease_seconds() / 6


def register(worker_id: str) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": now,
            "seen_at": now,
            "task_result_id": None,
        },
    )


def beat(worker_id: str) -> None:
    """Say this worker is alive; re-register if its row was cleared meanwhile."""
    if not WorkerHeartbeat.objects.filter(pk=worker_id).update(seen_at=timezone.now()):
        register(worker_id)


def unregister(worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(pk=worker_id).delete()


def set_running(worker_id: str, task_result_id: Any) -> None:
    WorkerHeartbeat.objects.filter(pk=worker_id).update(
        task_result_id=task_result_id, seen_at=timezone.now()
    )


def live_workers(now: datetime | None = None) -> dict[str, Any]:
    """Worker id -> the task it says it runs, for workers seen within a lease."""
    cutoff = (now or timezone.now()) - timedelta(seconds=lease_seconds())
    return dict(
        WorkerHeartbeat.objects.filter(seen_at__gte=cutoff).values_list(
            "worker_id", "task_result_id"
        )
    )


def claimed(db_result: DBTaskResult) -> Any:
    """The queryset that still matches this claim, for conditional updates."""
    return DBTaskResult.objects.filter(
        pk=db_result.pk, status=TaskStatus.RUNNING, started_at=db_result.started_at
    )


def put_back(db_result: DBTaskResult, reason: str) -> str:
    """Queue a claimed task again, or fail it after MAX_ATTEMPTS; returns which it did."""
    if len(db_result.worker_ids) >= MAX_ATTEMPTS:
        message = (
            f"The task stopped {len(db_result.worker_ids)} times without finishing "
            f"({reason}); it will not be tried again."
        )
        updated = claimed(db_result).update(
            status=TaskStatus.FAILED,
            finished_at=timezone.now(),
            exception_class_path=WORKER_LOST,
            traceback=f"{WORKER_LOST}: {message}\n",
        )
        if updated:
            BackgroundTask.objects.filter(task_result_id=db_result.pk).update(
                message=message[:300], updated_at=timezone.now()
            )
        return "failed" if updated else "gone"
    updated = claimed(db_result).update(status=TaskStatus.READY)
    return "queued" if updated else "gone"


def recover_stale_tasks() -> int:
    """Put back RUNNING tasks whose worker is gone; returns how many were handled."""
    now = timezone.now()
    lease = timedelta(seconds=lease_seconds())
    handled = 0
    with exclusive_transaction():
        running = list(
            DBTaskResult.objects.running()
            .filter(started_at__lt=now - lease)  # a claim younger than a lease is left alone
            .select_for_update(skip_locked=True)
            .only("id", "status", "started_at", "worker_ids")
        )
        if not running:
            return 0
        alive = live_workers(now)
        for db_result in running:
            owner = db_result.worker_ids[-1] if db_result.worker_ids else None
            if owner in alive and _same_task(alive[owner], db_result.pk):
                continue
            outcome = put_back(db_result, "its worker stopped")
            logger.warning(
                "Task %s: worker %s stopped while running it; %s", db_result.pk, owner, outcome
            )
            handled += 1
    return handled


def _same_task(running_id: Any, task_id: Any) -> bool:
    return running_id is not None and str(running_id) == str(task_id)


def forget_dead_workers() -> int:
    """Delete heartbeats of workers gone for a day: they only matter for a lease."""
    cutoff = timezone.now() - max(timedelta(days=1), timedelta(seconds=lease_seconds() * 10))
    deleted, _ = WorkerHeartbeat.objects.filter(seen_at__lt=cutoff).delete()
    return deleted
