"""Decidim accountability results CSV <-> plan exchange documents (pure Python).

Councils that already publish delivery in Decidim's accountability component
(docs.decidim.org, "Accountability" component: results, their statuses and
progress) export one row per result: ``id``, ``parent/id``, the translated
``title/en`` (or ``title``), ``description/en``, ``start_date``, ``end_date``,
``status`` (its name), ``progress`` (0-100), plus category and scope columns.

The mapping rule, since Decidim has two levels where a plan has three:

- a result with no parent is a *priority*; every priority sits under one theme,
  because Decidim has nothing above a result (categories and scopes are a
  taxonomy, not plan structure, and are ignored with a warning);
- a result with a parent is an *action* of its top-level ancestor's priority
  (a deeper result is flattened onto that priority, with a warning);
- a top-level result with no children is a priority with no actions (not both a
  priority and an action); its dates, status and progress, if any, are noted in the
  priority's description so that none of them is lost;
- ``progress`` is the action's ``percent_complete``; the status name becomes the
  ``rag`` of one undated update that carries the progress too;
- ``start_date``/``end_date`` are ``due_start``/``due_end``, and ``due_text``
  keeps them as written.

Export writes the same columns back (priority rows carry the mean progress of
their actions, as Decidim shows a parent), so an export re-imports to the same
priorities, actions, dates, statuses and progress.

Decidim's *import* layout (the CSV its accountability component reads: ``result_id,
decidim_category_id, decidim_scope_id, parent_id, external_id, parent_external_id,
start_date, end_date, decidim_accountability_status_id, progress, proposal_ids,
title_<locale>, description_<locale>``) is read too, and written by
``write_import_csv``: a parent is given by its result id or by its external id, dates are
``dd/mm/yyyy`` or ISO, and a status is a number that only the council's Decidim can name,
so it is kept as a note. Export writes each priority's and action's ref as its external
id, so the file can be imported into Decidim again and again without duplicates.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from wellboard.core.decidim_columns import (
    EXPORT_COLUMNS,
    IMPORT_COLUMNS,
    RAG_STATUS,
    STATUS_RAG,
    header_key,
    is_decidim_header,
    is_import_layout,
    looks_like_decidim,
)
from wellboard.core.decidim_layout import from_import_layout
from wellboard.core.decidim_rows import ResultsReader
from wellboard.core.parsing import ParseResult, PlanImportError
from wellboard.core.parsing.checked import CheckedFile, as_checked
from wellboard.core.parsing.safety import DEFAULT_LIMITS, Limits
from wellboard.core.spreadsheet_cells import csv_cell_read

__all__ = [
    "DEFAULT_THEME",
    "EXPORT_COLUMNS",
    "IMPORT_COLUMNS",
    "RAG_STATUS",
    "STATUS_RAG",
    "from_import_layout",
    "is_decidim_header",
    "is_import_layout",
    "looks_like_decidim",
    "read_results_csv",
]

DEFAULT_THEME = "Results"


def read_results_csv(
    source: Path | CheckedFile,
    *,
    filename: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ParseResult:
    """Read a Decidim results export (a checked upload, or a local file checked here)."""
    checked = as_checked(source, filename, kind="csv", limits=limits)
    shown, text, limits = checked.name, checked.text(), checked.limits
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = [header_key(h) for h in reader.fieldnames or []]
        if not is_decidim_header(headers):
            raise PlanImportError(shown, "not a Decidim results export (no id, parent/id, title)")
        reader.fieldnames = headers
        rows = [
            {
                k: csv_cell_read(v or "")
                for k, v in row.items()
                if isinstance(k, str) and isinstance(v, str)
            }
            for _, row in zip(range(limits.max_rows), reader, strict=False)
        ]
    except csv.Error as exc:
        raise PlanImportError(shown, f"the CSV file is damaged ({exc})") from exc
    notes: list[str] = []
    if is_import_layout(headers) and not ("id" in headers and "parent/id" in headers):
        headers, rows, notes = from_import_layout(headers, rows)
    builder = ResultsReader(shown, headers)
    builder.warnings.extend(notes)
    priorities = builder.read(rows)
    if not priorities:
        raise PlanImportError(shown, "the Decidim export holds no results")
    plan = {
        "format": "wellboard-plan",
        "version": 1,
        "title": Path(shown).stem or "Decidim results",
        "themes": [{"ref": "1", "title": DEFAULT_THEME, "priorities": priorities}],
    }
    return ParseResult(plan, builder.warnings, [])
