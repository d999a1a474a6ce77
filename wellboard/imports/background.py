"""The background task that reads a large upload outside the request."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from wellboard.imports.models import ImportRun
from wellboard.imports.services import parse_run
from wellboard.tasks.background import TaskError, background_task, start
from wellboard.tasks.models import UNEXPECTED, BackgroundTask


@background_task
def read_upload(job: BackgroundTask, *, run_id: int) -> None:
    run = ImportRun.objects.filter(pk=run_id).first()
    if (
        run is None
        or run.partnership_id != job.partnership_id
        or run.status == ImportRun.Status.DISCARDED
    ):
        raise TaskError("The upload is no longer there: it was discarded.")
    job.report_progress(10, f"Reading {run.file_name}")
    try:
        parse_run(run)
    except Exception:
        # The preview page polls while the run is queued: never leave it waiting.
        ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.QUEUED).update(
            status=ImportRun.Status.FAILED, error=UNEXPECTED
        )
        raise
    if run.status == ImportRun.Status.FAILED:
        raise TaskError(run.error)
    job.report_progress(100, f"Read {run.actions} actions: check them and confirm the import.")


def queue_parse(run: ImportRun, user: Any) -> BackgroundTask:
    job = start(
        read_upload,
        title=f"Reading {run.file_name}",
        user=user,
        partnership=run.partnership,
        back_url=reverse("imports:preview", args=[run.pk]),
        back_label="the import preview",
        run_id=run.pk,
    )
    run.task_id = job.pk
    run.save(update_fields=["task_id", "updated_at"])
    return job
