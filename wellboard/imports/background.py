"""The "import" task kind: reading a large upload outside the request."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from wellboard.imports.models import ImportRun

KIND = "import"


def register_handler() -> None:
    from wellboard.tasks.registry import TaskError, register

    @register(KIND)
    def read_upload(task: Any, progress: Any) -> None:
        from wellboard.imports.services import parse_run

        run = ImportRun.objects.filter(pk=task.params.get("run_id")).first()
        if run is None:
            raise TaskError("The upload is no longer there: it was discarded.")
        progress(10, f"Reading {run.file_name}")
        parse_run(run)
        if run.status == ImportRun.Status.FAILED:
            raise TaskError(run.error)
        progress(100, f"Read {run.actions} actions: check them and confirm the import.")


def queue_parse(run: ImportRun, user: Any) -> None:
    from wellboard.tasks.runner import enqueue

    preview = reverse("imports:preview", args=[run.pk])
    task = enqueue(
        kind=KIND,
        params={
            "run_id": run.pk,
            "title": f"Reading {run.file_name}",
            "back_url": preview,
            "back_label": "the import preview",
        },
        user=user,
        partnership=run.partnership,
    )
    run.task_id = task.pk
    run.save(update_fields=["task_id", "updated_at"])
