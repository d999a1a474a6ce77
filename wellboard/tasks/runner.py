"""Queue, claim and run tasks.

A task is claimed by a conditional UPDATE (queued -> running), which is atomic on SQLite
and PostgreSQL alike, so two workers (or a worker and a request thread) never run the
same task twice.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from wellboard.partnerships.models import Partnership
from wellboard.tasks.models import MESSAGE_LENGTH, Task
from wellboard.tasks.registry import TaskError, handler_for

logger = logging.getLogger(__name__)

THREAD = "thread"
WORKER = "worker"
UNEXPECTED = "The task failed unexpectedly; the error has been logged for the administrator."


def tasks_mode() -> str:
    """ "thread" runs a task beside the request (development); "worker" leaves it queued."""
    default = THREAD if settings.DEBUG else WORKER
    return str(getattr(settings, "WELLBOARD_TASKS", default) or default)


def enqueue(
    *,
    kind: str,
    params: dict[str, Any],
    user: Any = None,
    partnership: Partnership | None = None,
    mode: str | None = None,
) -> Task:
    """Queue a task; in thread mode start it once the surrounding transaction commits.

    Waiting for the commit matters: a thread uses its own connection and would not see
    a task row (or the data it needs) that the request has not committed yet.
    """
    handler_for(kind)  # refuse an unknown kind now, not later in a worker
    task = Task.objects.create(kind=kind, params=params, created_by=user, partnership=partnership)
    if (mode or tasks_mode()) == THREAD:
        transaction.on_commit(lambda: start_thread(task.pk))
    return task


def start_thread(task_id: int) -> threading.Thread:
    thread = threading.Thread(target=_run_in_thread, args=(task_id,), daemon=True)
    thread.start()
    return thread


def _run_in_thread(task_id: int) -> None:
    try:
        run_task_by_id(task_id)
    finally:
        connection.close()


def claim(task: Task) -> bool:
    now = timezone.now()
    claimed = Task.objects.filter(pk=task.pk, status=Task.Status.QUEUED).update(
        status=Task.Status.RUNNING, started_at=now, updated_at=now
    )
    if claimed:
        task.status, task.started_at = Task.Status.RUNNING, now
    return bool(claimed)


def run_task_by_id(task_id: int) -> Task | None:
    task = Task.objects.filter(pk=task_id).first()
    if task is None:
        return None
    run_task(task)
    return task


def run_task(task: Task) -> bool:
    """Run a queued task to done or failed; False when another runner already has it."""
    if not claim(task):
        return False
    try:
        handler = handler_for(task.kind)
        result = handler(task, task.report_progress)
    except TaskError as exc:
        _finish(task, Task.Status.FAILED, str(exc))
    except Exception:
        logger.exception("Task %s (%s) failed", task.pk, task.kind)
        _finish(task, Task.Status.FAILED, UNEXPECTED)
    else:
        if result is not None:
            task.result = result.content
            task.result_name = result.name
            task.result_type = result.content_type
        _finish(task, Task.Status.DONE, task.message or "Done.")
    return True


def _finish(task: Task, status: str, message: str) -> None:
    task.status = status
    task.message = message.splitlines()[0][:MESSAGE_LENGTH] if message else ""
    task.finished_at = timezone.now()
    if status == Task.Status.DONE:
        task.progress = 100
    task.save(
        update_fields=[
            "status",
            "message",
            "progress",
            "finished_at",
            "result",
            "result_name",
            "result_type",
            "updated_at",
        ]
    )


def run_queued(limit: int | None = None) -> int:
    """Run queued tasks oldest first; returns how many this call ran."""
    ran = 0
    while limit is None or ran < limit:
        task = Task.objects.filter(status=Task.Status.QUEUED).order_by("id").first()
        if task is None:
            break
        if run_task(task):
            ran += 1
    return ran
