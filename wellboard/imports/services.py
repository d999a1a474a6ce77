"""Reading an import run's stored upload, and the column choices it is read with.

Each step of the web import works on an ImportRun row, which holds the upload and what
was read from it, so nothing between the steps comes back from the browser. Starting a
run (reading it now or in the background) is runs.py, above this module and
background.py.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from django.conf import settings

from wellboard.core.parsing import MAX_FILE_BYTES
from wellboard.imports.models import FIELD_CHOICES, ColumnMapping, ImportRun
from wellboard.imports.reading import UnreadableFile, read_file
from wellboard.imports.retention import deleted_message
from wellboard.imports.saving import record_counts
from wellboard.partnerships.models import Partnership

_SAFE_SUFFIX = re.compile(r"^\.[a-z0-9]{1,8}$")
_FIELDS = {name for name, _ in FIELD_CHOICES}


def max_upload_bytes() -> int:
    return int(getattr(settings, "IMPORT_MAX_UPLOAD_BYTES", MAX_FILE_BYTES))


def shown_name(name: str) -> str:
    """The upload's own name without any path, as messages show it."""
    return Path(name.replace("\\", "/")).name[:255] or "upload"


def column_map_for(partnership: Partnership) -> dict[str, str]:
    return dict(partnership.column_mappings.values_list("header", "field"))


def remember_mappings(partnership: Partnership, choices: dict[str, str]) -> None:
    for header, field_name in choices.items():
        if field_name not in _FIELDS:
            raise ValueError(f"unknown field {field_name!r}")
        ColumnMapping.objects.update_or_create(
            partnership=partnership, header=header[:300], defaults={"field": field_name}
        )


def parse_run(run: ImportRun) -> ImportRun:
    """Read the run's stored upload with the partnership's column choices."""
    if run.source is None:  # deleted after the retention period (retention.py)
        run.status, run.error = ImportRun.Status.FAILED, deleted_message()
        run.unmapped_headers = []
        run.save()
        return run
    suffix = Path(run.file_name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="wellboard-import-") as folder:
        path = Path(folder) / f"upload{suffix if _SAFE_SUFFIX.match(suffix) else ''}"
        path.write_bytes(bytes(run.source or b""))
        try:
            reading = read_file(
                path,
                filename=run.file_name,
                column_map=column_map_for(run.partnership),
                target=run.target,
            )
        except UnreadableFile as exc:
            run.status, run.error = ImportRun.Status.FAILED, str(exc)[:500]
            run.document, run.changes, run.warnings = None, None, []
            run.unmapped_headers = exc.headers
        else:
            run.status, run.error, run.kind = ImportRun.Status.PARSED, "", reading.kind
            run.document = reading.document
            run.changes = dict(reading.changes) if reading.changes is not None else None
            run.warnings = reading.warnings
            run.unmapped_headers = reading.unmapped_headers
            record_counts(run)
    run.save()
    return run
