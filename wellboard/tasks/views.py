"""The status page a user watches while a task runs, and the download of its result.

A task is visible only to the user who queued it: its result may be a report or an import
log of one partnership, and ids must leak nothing (404 for anyone else).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from wellboard.tasks.models import Task


def _own_task(request: HttpRequest, pk: int) -> Task:
    return get_object_or_404(Task.objects.defer("result"), pk=pk, created_by=request.user.pk)


@login_required
@require_GET
def status(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "tasks/status.jinja", {"task": _own_task(request, pk)})


@login_required
@require_GET
def status_partial(request: HttpRequest, pk: int) -> HttpResponse:
    """The fragment htmx swaps in every second until the task has finished."""
    return render(request, "tasks/_status.jinja", {"task": _own_task(request, pk)})


@login_required
@require_GET
def result(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(
        Task, pk=pk, created_by=request.user.pk, status=Task.Status.DONE, result__isnull=False
    )
    response = HttpResponse(bytes(task.result or b""), content_type=task.result_type)
    response["Content-Disposition"] = f'attachment; filename="{task.result_name}"'
    return response
