"""Reading an upload: in a child process with limits, then the sheet diff in this one.

Which reader a file goes to (a Decidim export, a plan-sheet update, or a plan document)
is told by content in the pure core (core/upload_reading.py), which checks the file once
and hands every reader the same checked file; here that runs in a child process with the
memory and time limits of the settings (core/sandbox.py), so no upload can exhaust the
web or task worker. Only the plan sheet's diff against the strategy, which needs the
database, is done in this process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from wellboard.core.exchange.validate import text_limit
from wellboard.core.parsing import PlanImportError
from wellboard.core.sandbox import ProcessLimits, read_in_child
from wellboard.core.spreadsheet_roundtrip import ChangeSet, diff_sheet
from wellboard.core.upload_reading import DECIDIM, PLAN, SHEET, sheet_rows
from wellboard.exchange.export import export_strategy
from wellboard.strategy.models import Strategy

__all__ = ["DECIDIM", "PLAN", "SHEET", "Reading", "UnreadableFile", "count", "read_file"]


@dataclass
class Reading:
    kind: str
    document: dict[str, Any] | None = None
    changes: ChangeSet | None = None
    warnings: list[str] = field(default_factory=list)
    unmapped_headers: list[str] = field(default_factory=list)


class UnreadableFile(PlanImportError):
    """A file that could not be read, with its first row's cells offered for mapping."""

    def __init__(self, filename: str, reason: str, headers: list[str]) -> None:
        super().__init__(filename, reason)
        self.headers = headers


def process_limits() -> ProcessLimits:
    return ProcessLimits(
        memory_mb=int(settings.WELLBOARD_IMPORT_MEMORY_MB),
        cpu_seconds=int(settings.WELLBOARD_IMPORT_CPU_SECONDS),
    )


def read_file(
    path: Path,
    *,
    filename: str | None = None,
    column_map: dict[str, str] | None = None,
    target: Strategy | None = None,
) -> Reading:
    """Read `path` (shown as `filename`); raises UnreadableFile (a PlanImportError) only."""
    outcome = read_in_child(
        path,
        filename or path.name,
        column_map=column_map,
        sheet_wanted=target is not None,
        limits=process_limits(),
    )
    if "error" in outcome:
        raise UnreadableFile(outcome["error_file"], outcome["error"], outcome["headers"])
    warnings = list(outcome.get("warnings", []))
    if outcome["kind"] == SHEET:
        assert target is not None
        changes = diff_sheet(export_strategy(target), sheet_rows(outcome))
        _check_sheet_lengths(changes, filename or path.name)
        return Reading(SHEET, changes=changes, warnings=list(changes["warnings"]))
    return Reading(
        outcome["kind"],
        document=outcome.get("document"),
        warnings=warnings,
        unmapped_headers=list(outcome.get("unmapped_headers", [])),
    )


# Where a plan-sheet column is stored: its record kind and key in the exchange format.
_SHEET_KEYS = {"theme": ("theme", "title"), "priority": ("priority", "title")}


def _too_long(name: str, kind_key: tuple[str, str], value: Any) -> str:
    limit = text_limit(*kind_key)
    for text in value if isinstance(value, list) else [value]:
        if limit is not None and isinstance(text, str) and len(text) > limit:
            return f"{name}: {len(text)} characters: use at most {limit} characters"
    return ""


def _check_sheet_lengths(changes: ChangeSet, shown: str) -> None:
    """Refuse, in one line naming the row's action, a sheet cell longer than Wellboard keeps
    (an .xlsx cell holds 32,767 characters): the sheet is applied field by field, not
    through the exchange loader, so it is checked here (issue #12.9)."""
    rows: list[tuple[str, dict[str, Any]]] = []
    for change in changes["changed"]:
        values = {key: pair[1] for key, pair in change["fields"].items()}
        if change["update"]:
            values["update_text"] = change["update"]["text"]
        rows.append((change["ref"] or change["title"], values))
    for new in changes["new"]:
        values = {**new["action"], "theme": new["theme"], "priority": new["priority"]}
        values["update_text"] = [u["text"] for u in new["action"].get("updates", [])]
        rows.append((new["action"].get("ref") or f"row {new['row']}", values))
    for label, values in rows:
        for key, value in values.items():
            where = _SHEET_KEYS.get(
                key, ("update", "text") if key == "update_text" else ("action", key)
            )
            problem = _too_long(key.replace("_", " "), where, value)
            if problem:
                raise UnreadableFile(shown, f"action {str(label)[:60]}: {problem}", [])


def count(document: dict[str, Any]) -> tuple[int, int, int]:
    """Themes, priorities and actions in every plan of a document."""
    themes = list(document.get("themes", []))
    for plan in document.get("plans", []):
        themes += plan.get("themes", [])
    priorities = [p for t in themes for p in t.get("priorities", [])]
    actions = sum(len(p.get("actions", [])) for p in priorities)
    return len(themes), len(priorities), actions
