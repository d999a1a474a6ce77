"""Starting an import run: the upload is read in the request when small, else by a worker.

Above both services.py (reading) and background.py (the task), so neither needs the other
through imports hidden inside functions.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from wellboard.core.parsing import PlanImportError
from wellboard.imports.background import queue_parse
from wellboard.imports.models import ImportRun
from wellboard.imports.services import max_upload_bytes, parse_run, shown_name
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Strategy

# Smaller uploads are read during the request: a 60-page plan parses in well under a second.
BACKGROUND_BYTES = 2 * 1024 * 1024


@transaction.atomic
def start_run(
    *,
    partnership: Partnership,
    user: Any,
    file_name: str,
    data: bytes,
    target: Strategy | None = None,
) -> ImportRun:
    """Keep the upload and read it: in the request when small, else as a background task."""
    if len(data) > max_upload_bytes():
        raise PlanImportError(shown_name(file_name), "the file is over the upload limit")
    run = ImportRun.objects.create(
        partnership=partnership,
        created_by=user,
        file_name=shown_name(file_name),
        source=data,
        target=target,
    )
    if len(data) > BACKGROUND_BYTES:
        queue_parse(run, user)
        return run
    return parse_run(run)


def rerun(run: ImportRun, user: Any) -> ImportRun:
    """Read the upload again, after new column choices."""
    run.status = ImportRun.Status.QUEUED
    if len(run.source or b"") > BACKGROUND_BYTES:
        with transaction.atomic():
            run.save(update_fields=["status", "updated_at"])
            queue_parse(run, user)
        return run
    return parse_run(run)
