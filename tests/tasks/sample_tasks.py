"""Tasks the queue tests run, in this process and in real worker processes.

Module-level, as django-tasks requires, so that a worker finds them by their path.
`append_row` writes to `queue_test_rows`, a table the worker-process tests create in
their own database (processes.py), so a test can count exactly how often a task ran.
"""

from __future__ import annotations

import os
import time

from django.db import connection
from django_tasks import TaskContext, task

from wellboard.tasks.background import TaskError, TaskFile, background_task
from wellboard.tasks.models import BackgroundTask

ROWS_TABLE = "queue_test_rows"


@background_task
def echo(job: BackgroundTask, *, text: str) -> TaskFile:
    job.report_progress(40, "Half way")
    return TaskFile("echo.txt", "text/plain", text.encode())


@background_task
def refuse(job: BackgroundTask) -> None:
    raise TaskError("The file has no table in it.\nSecond line never shown.")


@background_task
def crash(job: BackgroundTask) -> None:
    raise RuntimeError("secret internals /etc/passwd")


@task(takes_context=True)
def append_row(
    context: TaskContext, key: str, hold: float = 0.0, first_hold: float | None = None
) -> str:
    """Record a start, wait, record the end: a second run shows as a second start."""
    attempt = context.attempt
    _insert(key, "started", attempt)
    time.sleep(first_hold if first_hold is not None and attempt == 1 else hold)
    _insert(key, "done", attempt)
    return key


def _insert(key: str, event: str, attempt: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {ROWS_TABLE} (task_key, event, pid, attempt) VALUES (%s, %s, %s, %s)",
            [key, event, os.getpid(), attempt],
        )
