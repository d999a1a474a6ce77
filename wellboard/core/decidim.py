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
import html
import io
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from wellboard.core.parsing import ParseResult, PlanImportError
from wellboard.core.parsing.checked import CheckedFile, as_checked, decode_text
from wellboard.core.parsing.safety import DEFAULT_LIMITS, Limits
from wellboard.core.spreadsheet_cells import csv_cell_read

DEFAULT_THEME = "Results"
EXPORT_COLUMNS = (
    "id",
    "parent/id",
    "title/en",
    "description/en",
    "start_date",
    "end_date",
    "status/name/en",
    "progress",
)
IGNORED_PREFIXES = ("category", "scope")
UPDATE_TEXT = "Imported from Decidim: {status}"

# Decidim statuses are named by each council; these are the common names.
STATUS_RAG: dict[str, str] = {
    "completed": "complete",
    "complete": "complete",
    "finished": "complete",
    "done": "complete",
    "executed": "complete",
    "delivered": "complete",
    "not started": "not_started",
    "planned": "not_started",
    "pending": "not_started",
    "to do": "not_started",
    "in progress": "green",
    "ongoing": "green",
    "on going": "green",
    "on track": "green",
    "started": "green",
    "in execution": "green",
    "at risk": "amber",
    "delayed": "amber",
    "behind schedule": "amber",
    "on hold": "amber",
    "off track": "red",
    "cancelled": "red",
    "canceled": "red",
    "stopped": "red",
    "blocked": "red",
}
RAG_STATUS = {
    "complete": "Completed",
    "green": "In progress",
    "amber": "At risk",
    "red": "Off track",
    "not_started": "Not started",
}

_TAG = re.compile(r"<[^<>]*>")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_UK_DAY = re.compile(r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})$")


def _key(header: str) -> str:
    return header.strip().lstrip("\ufeff").lower()


def _first_column(headers: Iterable[str], *names: str, prefix: str = "") -> str | None:
    present = list(headers)
    for name in names:
        if name in present:
            return name
    if prefix:
        return next((h for h in present if h.startswith(prefix)), None)
    return None


IMPORT_COLUMNS = (
    "result_id",
    "decidim_category_id",
    "decidim_scope_id",
    "parent_id",
    "external_id",
    "parent_external_id",
    "start_date",
    "end_date",
    "decidim_accountability_status_id",
    "progress",
    "proposal_ids",
    "title_en",
    "description_en",
)


def is_import_layout(headers: Iterable[str]) -> bool:
    """Decidim's import layout: result or external ids, a parent column, title_<locale>."""
    keys = [_key(h) for h in headers]
    has_id = "result_id" in keys or "external_id" in keys
    has_parent = "parent_id" in keys or "parent_external_id" in keys
    return has_id and has_parent and any(k.startswith("title_") for k in keys)


def is_decidim_header(headers: Iterable[str]) -> bool:
    """True for a results export (id, parent/id, title) or Decidim's import layout."""
    keys = [_key(h) for h in headers]
    title = _first_column(keys, "title", prefix="title/")
    return ("id" in keys and "parent/id" in keys and title is not None) or is_import_layout(keys)


def looks_like_decidim(source: Path | CheckedFile) -> bool:
    """Whether a CSV file's header row is a Decidim results header (cheap: first line only)."""
    if isinstance(source, CheckedFile):
        first = source.data[:8192]
    else:
        try:
            with source.open("rb") as handle:
                first = handle.read(8192)
        except OSError:
            return False
    line = decode_text(first).splitlines()[0] if first else ""
    for delimiter in ",;\t":
        if is_decidim_header(next(csv.reader([line], delimiter=delimiter), [])):
            return True
    return False


def _plain(text: str) -> str:
    """Decidim stores descriptions as HTML from its editor; a plan holds plain text."""
    with_breaks = re.sub(r"</p>|<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    lines = (
        " ".join(html.unescape(_TAG.sub(" ", line)).split()) for line in with_breaks.split("\n")
    )
    return "\n".join(line for line in lines if line)


class _Reader:
    """Builds the document from the rows; collects warnings rather than failing on a row."""

    def __init__(self, shown: str, headers: list[str]) -> None:
        self.shown = shown
        self.warnings: list[str] = []
        self.title_col = _first_column(headers, "title", "title/en", prefix="title/") or ""
        self.description_col = _first_column(
            headers, "description", "description/en", prefix="description/"
        )
        self.status_col = _first_column(
            headers, "status/name/en", "status/name", "status", prefix="status/name/"
        )
        ignored = sorted({h for h in headers if h.startswith(IGNORED_PREFIXES)})
        if ignored:
            self.warnings.append(
                f"Decidim columns ignored (categories and scopes are not plan structure): "
                f"{', '.join(ignored)}"
            )

    def read(self, rows: list[dict[str, str]]) -> list[dict[str, Any]]:
        results: dict[str, dict[str, str]] = {}
        for number, row in enumerate(rows, start=2):
            rid = row.get("id", "").strip()
            if not rid or not row.get(self.title_col, "").strip():
                self.warnings.append(f"row {number}: no id or no title, skipped")
                continue
            if rid in results:
                self.warnings.append(f"row {number}: id {rid} repeated, skipped")
                continue
            results[rid] = row
        children: dict[str, list[str]] = {rid: [] for rid in results}
        tops: list[str] = []
        for rid in results:
            top = self._top_of(rid, results)
            (tops if top == rid else children[top]).append(rid)
        return [self._priority(n, rid, results, children[rid]) for n, rid in enumerate(tops, 1)]

    def _top_of(self, rid: str, results: dict[str, dict[str, str]]) -> str:
        seen = [rid]
        current = rid
        while parent := results[current].get("parent/id", "").strip():
            if parent not in results:
                self.warnings.append(f"result {current}: parent {parent} is not in the file")
                break
            if parent in seen:
                self.warnings.append(f"result {rid}: its parents form a loop")
                return rid
            seen.append(parent)
            current = parent
        if len(seen) > 2:
            self.warnings.append(f"result {rid}: nested {len(seen) - 1} deep, placed as an action")
        return current

    def _priority(
        self, number: int, rid: str, results: dict[str, dict[str, str]], kids: list[str]
    ) -> dict[str, Any]:
        row = results[rid]
        actions = [self._action(f"1.{number}.{i}", results[k]) for i, k in enumerate(kids, 1)]
        description = _plain(row.get(self.description_col or "", ""))
        if not actions and self._has_progress(row):
            description = "\n".join(filter(None, [description, self._progress_note(row)]))
        return {
            "ref": f"1.{number}",
            "title": row[self.title_col].strip(),
            "description": description,
            "actions": actions,
        }

    def _progress_note(self, row: dict[str, str]) -> str:
        """A childless result's dates, status and progress, as a line of its priority."""
        dates = " to ".join(row[k].strip() for k in ("start_date", "end_date") if row.get(k))
        status = row.get(self.status_col or "", "").strip()
        progress = row.get("progress", "").strip()
        parts = [dates, status, f"{progress.rstrip('%')}% complete" if progress else ""]
        return "In Decidim: " + ", ".join(p for p in parts if p)

    def _has_progress(self, row: dict[str, str]) -> bool:
        keys = ("start_date", "end_date", "progress", self.status_col or "")
        return any(row.get(key, "").strip() for key in keys if key)

    def _action(self, ref: str, row: dict[str, str]) -> dict[str, Any]:
        where = f"result {row['id'].strip()}"
        start = self._date(row.get("start_date", ""), where)
        end = self._date(row.get("end_date", ""), where)
        percent = self._percent(row.get("progress", ""), where)
        status = row.get(self.status_col or "", "").strip()
        rag = STATUS_RAG.get(" ".join(status.lower().replace("_", " ").split()))
        if status and rag is None:
            self.warnings.append(f"{where}: status {status!r} not understood, kept as a note")
        written = [t for t in (row.get("start_date", ""), row.get("end_date", "")) if t.strip()]
        action: dict[str, Any] = {
            "ref": ref,
            "title": row[self.title_col].strip(),
            "description": _plain(row.get(self.description_col or "", "")),
            "due_text": " to ".join(t.strip() for t in written),
            "due_start": start.isoformat() if start else None,
            "due_end": end.isoformat() if end else None,
            "due_precision": "range" if start and end and start != end else "day" if end else "",
            "percent_complete": percent,
            "updates": [],
        }
        if status or percent is not None:
            text = UPDATE_TEXT.format(status=status or "progress")
            action["updates"] = [{"text": text, "rag": rag, "percent_complete": percent}]
        return action

    def _date(self, text: str, where: str) -> date | None:
        text = text.strip()
        if not text:
            return None
        try:
            if _ISO.match(text):
                return date.fromisoformat(text[:10])
            if m := _UK_DAY.match(text):
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            pass
        self.warnings.append(
            f"{where}: date {text!r} is not a YYYY-MM-DD or dd/mm/yyyy date, ignored"
        )
        return None

    def _percent(self, text: str, where: str) -> int | None:
        text = text.strip().rstrip("%")
        if not text:
            return None
        try:
            value = float(text)
        except ValueError:
            value = -1.0
        if not 0 <= value <= 100:
            self.warnings.append(f"{where}: progress {text!r} is not 0-100, ignored")
            return None
        return round(value)


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
        headers = [_key(h) for h in reader.fieldnames or []]
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
    builder = _Reader(shown, headers)
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


def _locale_column(headers: list[str], stem: str) -> str | None:
    return next((h for h in (f"{stem}_en", *headers) if h in headers and h.startswith(stem)), None)


def from_import_layout(
    headers: list[str], rows: list[dict[str, str]]
) -> tuple[list[str], list[dict[str, str]], list[str]]:
    """Decidim's import layout as the export layout's columns, with what was left out.

    Rows are keyed by result id, or by external id when a row has none; a parent is
    looked up by its result id, else by its external id.
    """
    title = _locale_column(headers, "title_") or "title_en"
    description = _locale_column(headers, "description_")
    by_external = {
        row.get("external_id", "").strip(): _row_id(row) for row in rows if row.get("external_id")
    }
    converted = []
    for row in rows:
        parent = row.get("parent_id", "").strip()
        external_parent = row.get("parent_external_id", "").strip()
        if not parent and external_parent:
            parent = by_external.get(external_parent, f"external {external_parent}")
        converted.append(
            {
                "id": _row_id(row),
                "parent/id": parent,
                "title": row.get(title, ""),
                "description": row.get(description or "", ""),
                "start_date": row.get("start_date", ""),
                "end_date": row.get("end_date", ""),
                "progress": row.get("progress", ""),
            }
        )
    notes = []
    left_out = [
        h
        for h in ("decidim_category_id", "decidim_scope_id", "proposal_ids")
        if any(r.get(h, "").strip() for r in rows)
    ]
    if left_out:
        notes.append(f"Decidim columns ignored (not plan structure): {', '.join(left_out)}")
    if any(r.get("decidim_accountability_status_id", "").strip() for r in rows):
        notes.append(
            "Decidim status ids are numbers only your Decidim can name: statuses not imported"
        )
    columns = ["id", "parent/id", "title", "description", "start_date", "end_date", "progress"]
    return columns, converted, notes


def _row_id(row: dict[str, str]) -> str:
    rid = row.get("result_id", "").strip()
    external = row.get("external_id", "").strip()
    return rid or (f"external {external}" if external else "")
