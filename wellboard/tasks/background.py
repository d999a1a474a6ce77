"""How apps declare and queue the tasks users watch on the status page.

    @background_task
    def produce_report(job: BackgroundTask, *, report: dict, format: str) -> TaskFile:
        job.report_progress(10, "Reading the plan…")
        ...
        return TaskFile("report.pdf", "application/pdf", content)

    job = start(produce_report, title="Delivery report (PDF)", user=user,
                partnership=partnership, report=..., format="pdf")
    return redirect("tasks:status", job.pk)

`background_task` turns the function into a django-tasks task (arguments are plain JSON)
that finds its `BackgroundTask` row, records progress, the user-safe message and the
file. `start` queues it and creates that row in one transaction, so a worker never sees
the task without its row.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec

from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django_tasks import TaskContext, task
from django_tasks.base import Task

from wellboard.tasks.models import UNEXPECTED, BackgroundTask, first_line

logger = logging.getLogger(__name__)
P = ParamSpec("P")


class TaskError(Exception):
    """A failure the user can act on; the first line of its message is shown as it is."""


@dataclass(frozen=True)
class TaskFile:
    """A file the task produced for its user to download."""

    name: str
    content_type: str
    content: bytes


TaskFunction = Callable[Concatenate[BackgroundTask, P], TaskFile | None]


def background_task(func: TaskFunction[P]) -> Task[P, None]:
    """Declare a module-level function as a task with a progress page."""

    def run(context: TaskContext, *args: P.args, **kwargs: P.kwargs) -> None:
        result_id = uuid.UUID(str(context.task_result.id))
        job = BackgroundTask.objects.filter(task_result_id=result_id).first()
        if job is None:
            raise LookupError("queued without wellboard.tasks.background.start()")
        if context.attempt > 1:
            job.report_progress(0, "Started again after an interruption.")
        try:
            output = func(job, *args, **kwargs)
        except TaskError as exc:
            _record_failure(job, str(exc))
            raise
        except Exception:
            if not _database_lost():
                logger.exception("Task %s (%s) failed", job.pk, job.title)
                _record_failure(job, UNEXPECTED)
            raise
        _record_success(job, output)

    # django-tasks finds a task again by its module path: keep the function's own name.
    run.__module__, run.__name__ = func.__module__, func.__name__
    run.__qualname__, run.__doc__ = func.__qualname__, func.__doc__
    return task(takes_context=True)(run)


def _database_lost() -> bool:
    """True when the database went away: the worker puts the task back, not the user."""
    try:
        return not connection.is_usable()
    except DatabaseError:
        return True


def _record_failure(job: BackgroundTask, message: str) -> None:
    BackgroundTask.objects.filter(pk=job.pk).update(
        message=first_line(message) or first_line(UNEXPECTED), updated_at=timezone.now()
    )


def _record_success(job: BackgroundTask, output: TaskFile | None) -> None:
    fields: dict[str, Any] = {
        "progress": 100,
        "message": job.message or "Done.",
        "updated_at": timezone.now(),
    }
    if output is not None:
        fields.update(
            file_content=output.content, file_name=output.name, file_type=output.content_type
        )
    BackgroundTask.objects.filter(pk=job.pk).update(**fields)


def start(
    background: Task[P, None],
    *,
    title: str,
    user: Any = None,
    partnership: Any = None,
    back_url: str = "",
    back_label: str = "",
    **kwargs: Any,
) -> BackgroundTask:
    """Queue a task with JSON keyword arguments and create the row its page shows."""
    with transaction.atomic():
        result = background.enqueue(**kwargs)  # type: ignore[call-arg]
        return BackgroundTask.objects.create(
            task_result_id=uuid.UUID(str(result.id)),  # the queue row's key
            title=title[:200],
            back_url=back_url,
            back_label=back_label,
            partnership=partnership,
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
