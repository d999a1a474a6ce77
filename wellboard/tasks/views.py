"""The status page a user watches while a task runs, and the download of its result.

A task is visible only to the user who queued it ("task.view"): its result may be a report
or an import log of one partnership, and ids must leak nothing (404 for anyone else).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wellboard.accounts.guards import guard
from wellboard.tasks.health import worker_alive
from wellboard.tasks.models import BackgroundTask
from wellboard.tasks.status import TaskStatus


def _tasks() -> Any:
    return BackgroundTask.objects.select_related("task_result").defer("file_content")


def _finished() -> Any:
    return BackgroundTask.objects.select_related("task_result").filter(
        task_result__status=TaskStatus.SUCCESSFUL, file_content__isnull=False
    )


def _context(task: BackgroundTask) -> dict[str, object]:
    waiting = task.status == TaskStatus.READY and not worker_alive()
    return {"task": task, "no_worker": waiting}


@guard("task.view", BackgroundTask, queryset=_tasks)
def status(request: HttpRequest, task: BackgroundTask) -> HttpResponse:
    return render(request, "tasks/status.jinja", _context(task))


@guard("task.view", BackgroundTask, queryset=_tasks)
def status_partial(request: HttpRequest, task: BackgroundTask) -> HttpResponse:
    """The fragment htmx swaps in every second until the task has finished."""
    return render(request, "tasks/_status.jinja", _context(task))


@guard("task.view", BackgroundTask, queryset=_finished)
def result(request: HttpRequest, task: BackgroundTask) -> HttpResponse:
    response = HttpResponse(bytes(task.file_content or b""), content_type=task.file_type)
    response["Content-Disposition"] = f'attachment; filename="{task.file_name}"'
    return response
