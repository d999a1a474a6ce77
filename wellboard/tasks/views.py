"""The status page a user watches while a task runs, and the download of its result.

A task is visible only to the user who queued it: its result may be a report or an import
log of one partnership, and ids must leak nothing (404 for anyone else).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from wellboard.tasks.health import worker_alive
from wellboard.tasks.models import BackgroundTask
from wellboard.tasks.status import TaskStatus


def _own_task(request: HttpRequest, pk: int) -> BackgroundTask:
    tasks = BackgroundTask.objects.select_related("task_result").defer("file_content")
    return get_object_or_404(tasks, pk=pk, created_by=request.user.pk)


def _context(task: BackgroundTask) -> dict[str, object]:
    waiting = task.status == TaskStatus.READY and not worker_alive()
    return {"task": task, "no_worker": waiting}


@login_required
@require_GET
def status(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "tasks/status.jinja", _context(_own_task(request, pk)))


@login_required
@require_GET
def status_partial(request: HttpRequest, pk: int) -> HttpResponse:
    """The fragment htmx swaps in every second until the task has finished."""
    return render(request, "tasks/_status.jinja", _context(_own_task(request, pk)))


@login_required
@require_GET
def result(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(
        BackgroundTask.objects.select_related("task_result"),
        pk=pk,
        created_by=request.user.pk,
        task_result__status=TaskStatus.SUCCESSFUL,
        file_content__isnull=False,
    )
    response = HttpResponse(bytes(task.file_content or b""), content_type=task.file_type)
    response["Content-Disposition"] = f'attachment; filename="{task.file_name}"'
    return response
