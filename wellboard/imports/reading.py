"""Which reader a file goes to: a Decidim export, a plan-sheet update, or a plan document.

The shape is told by content, not by a choice the user has to make: a CSV whose header
is Decidim's, an .xlsx whose header row is the one `export_plan` writes (only when a
strategy to update is given), and everything else through the parsing core.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wellboard.core.decidim import looks_like_decidim, read_results_csv
from wellboard.core.parsing import parse_plan
from wellboard.core.spreadsheet_roundtrip import (
    ChangeSet,
    diff_sheet,
    looks_like_roundtrip,
    read_sheet,
)
from wellboard.exchange.export import export_strategy
from wellboard.strategy.models import Strategy

PLAN, DECIDIM, SHEET = "plan", "decidim", "sheet"
SHEET_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class Reading:
    kind: str
    document: dict[str, Any] | None = None
    changes: ChangeSet | None = None
    warnings: list[str] = field(default_factory=list)
    unmapped_headers: list[str] = field(default_factory=list)


def read_file(
    path: Path,
    *,
    filename: str | None = None,
    column_map: dict[str, str] | None = None,
    target: Strategy | None = None,
) -> Reading:
    """Read `path` (shown as `filename`); raises PlanImportError only."""
    shown = filename or path.name
    suffix = Path(shown).suffix.lower()
    if suffix == ".csv" and looks_like_decidim(path):
        result = read_results_csv(path, filename=shown)
        return Reading(DECIDIM, document=result.plan, warnings=result.warnings)
    if target is not None and suffix in SHEET_SUFFIXES and looks_like_roundtrip(path, shown):
        changes = diff_sheet(export_strategy(target), read_sheet(path, shown))
        return Reading(SHEET, changes=changes, warnings=list(changes["warnings"]))
    parsed = parse_plan(path, filename=shown, column_map=column_map)
    return Reading(
        PLAN,
        document=parsed.plan,
        warnings=parsed.warnings,
        unmapped_headers=parsed.unmapped_headers,
    )


def count(document: dict[str, Any]) -> tuple[int, int, int]:
    """Themes, priorities and actions in every plan of a document."""
    themes = list(document.get("themes", []))
    for plan in document.get("plans", []):
        themes += plan.get("themes", [])
    priorities = [p for t in themes for p in t.get("priorities", [])]
    actions = sum(len(p.get("actions", [])) for p in priorities)
    return len(themes), len(priorities), actions
