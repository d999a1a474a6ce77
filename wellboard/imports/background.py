"""The background tasks of the web import: reading a large upload, confirming a large one.

A confirm of more actions than WELLBOARD_IMPORT_BACKGROUND_ACTIONS loads outside the
request (issue #12.10): the confirm step marks the run "being imported" and queues
`apply_upload`, whose progress page is the tasks app's. The load runs in one transaction
and re-checks that the plan was not edited since the preview; any failure puts the run
back to "ready to confirm" and shows the reason on the progress page.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django_tasks.base import Task

from wellboard.core.exchange import ExchangeError
from wellboard.imports.models import ImportRun
from wellboard.imports.roundtrip import ApplyError
from wellboard.imports.saving import apply_run, edited_since_preview
from wellboard.imports.services import parse_run
from wellboard.strategy.models import Strategy
from wellboard.tasks.background import TaskError, background_task, start
from wellboard.tasks.models import UNEXPECTED, BackgroundTask

EDITED = "the plan was edited after this preview: check the changes as they are now, then confirm"


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
    job = _start_for_run(read_upload, run, f"Reading {run.file_name}", user)
    run.task_id = job.pk
    run.save(update_fields=["task_id", "updated_at"])
    return job


def runs_in_background(run: ImportRun) -> bool:
    """Whether confirming this run loads it in a background task rather than the request."""
    return run.actions > int(settings.WELLBOARD_IMPORT_BACKGROUND_ACTIONS)


@background_task
def apply_upload(
    job: BackgroundTask,
    *,
    run_id: int,
    plan_state: str,
    delete_missing: bool,
    archive_missing: bool,
) -> None:
    run = ImportRun.objects.filter(pk=run_id).first()
    if (
        run is None
        or run.partnership_id != job.partnership_id
        or run.status != ImportRun.Status.APPLYING
    ):
        raise TaskError("This import has already been confirmed or discarded.")
    job.report_progress(10, f"Importing {run.actions} actions from {run.file_name}")
    try:
        strategy = _apply(run_id, job, plan_state, delete_missing, archive_missing)
    except (ApplyError, ExchangeError) as exc:
        _ready_again(run_id)
        raise TaskError(f"{run.file_name}: {exc}. Nothing was saved.") from exc
    except Exception:
        _ready_again(run_id)
        raise
    BackgroundTask.objects.filter(pk=job.pk).update(
        back_url=strategy.get_absolute_url(), back_label=strategy.title[:100]
    )
    job.report_progress(100, f"Imported {run.file_name} into {strategy.title}.")


@transaction.atomic
def _apply(
    run_id: int, job: BackgroundTask, state: str, delete_missing: bool, archive_missing: bool
) -> Strategy:
    run = ImportRun.objects.select_for_update(of=("self",)).select_related("target").get(pk=run_id)
    if edited_since_preview(run, state):
        raise ExchangeError(EDITED)
    return apply_run(
        run, user=job.created_by, delete_missing=delete_missing, archive_missing=archive_missing
    )


def _ready_again(run_id: int) -> None:
    ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.APPLYING).update(
        status=ImportRun.Status.PARSED
    )


def queue_apply(
    run: ImportRun, user: Any, *, plan_state: str, delete_missing: bool, archive_missing: bool
) -> BackgroundTask:
    """Mark the (locked) run as being imported and queue its load, in the caller's transaction."""
    job = _start_for_run(
        apply_upload,
        run,
        f"Importing {run.file_name}",
        user,
        plan_state=plan_state,
        delete_missing=delete_missing,
        archive_missing=archive_missing,
    )
    run.status, run.task_id = ImportRun.Status.APPLYING, job.pk
    run.save(update_fields=["status", "task_id", "updated_at"])
    return job


def _start_for_run(
    background: Task[Any, None], run: ImportRun, title: str, user: Any, **arguments: Any
) -> BackgroundTask:
    """Both tasks of a run lead back to its preview page, which finds them by the run's id."""
    return start(
        background,
        title=title,
        user=user,
        partnership=run.partnership,
        back_url=reverse("imports:preview", args=[run.pk]),
        back_label="the import preview",
        run_id=run.pk,
        **arguments,
    )
