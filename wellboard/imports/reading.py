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
        return Reading(SHEET, changes=changes, warnings=list(changes["warnings"]))
    return Reading(
        outcome["kind"],
        document=outcome.get("document"),
        warnings=warnings,
        unmapped_headers=list(outcome.get("unmapped_headers", [])),
    )


def count(document: dict[str, Any]) -> tuple[int, int, int]:
    """Themes, priorities and actions in every plan of a document."""
    themes = list(document.get("themes", []))
    for plan in document.get("plans", []):
        themes += plan.get("themes", [])
    priorities = [p for t in themes for p in t.get("priorities", [])]
    actions = sum(len(p.get("actions", [])) for p in priorities)
    return len(themes), len(priorities), actions
