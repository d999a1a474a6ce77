"""Which reader an upload goes to, told by content: Decidim export, plan sheet or plan.

A CSV whose header is Decidim's is a Decidim results export; an .xlsx whose header row
is the one the plan-sheet export writes is an edited plan sheet (only looked for when a
strategy to update was named); everything else goes through the parsing core. The file is
checked once (``check_upload``) and that one CheckedFile, its workbook opened at most
once, is handed to each reader in turn, and to the column-mapping helper when nothing
could be read.

The outcome is plain JSON (``Outcome``) because it crosses a process boundary: uploads
are read in a child process with memory and time limits (sandbox.py).
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any, TypedDict

from wellboard.core.decidim import looks_like_decidim, read_results_csv
from wellboard.core.exchange import ExchangeError, check_lengths
from wellboard.core.parsing import CheckedFile, PlanImportError, check_upload, parse_plan
from wellboard.core.parsing.first_row import candidate_headers
from wellboard.core.parsing.safety import DEFAULT_LIMITS, Limits
from wellboard.core.spreadsheet_roundtrip import SheetRow, looks_like_roundtrip, read_sheet

PLAN, DECIDIM, SHEET = "plan", "decidim", "sheet"


class Outcome(TypedDict, total=False):
    """What reading an upload gave: a document or sheet rows, else a one-line error."""

    kind: str
    document: dict[str, Any] | None
    sheet_rows: list[dict[str, Any]]
    warnings: list[str]
    unmapped_headers: list[str]
    error_file: str
    error: str
    headers: list[str]
    cpu_seconds: float  # what reading took in the child (a read file only; benchmarks)


def read_upload(
    path: Path,
    filename: str,
    *,
    column_map: dict[str, str] | None = None,
    sheet_wanted: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Outcome:
    """Check the file once and read it; never raises PlanImportError (it is the outcome)."""
    try:
        checked = check_upload(path, filename, limits=limits)
    except PlanImportError as exc:
        return {"error_file": exc.filename, "error": exc.reason, "headers": []}
    with checked:
        try:
            return read_checked(checked, column_map=column_map, sheet_wanted=sheet_wanted)
        except PlanImportError as exc:
            headers = candidate_headers(checked)
            return {"error_file": exc.filename, "error": exc.reason, "headers": headers}


def read_checked(
    checked: CheckedFile, *, column_map: dict[str, str] | None, sheet_wanted: bool
) -> Outcome:
    if checked.kind == "csv" and looks_like_decidim(checked):
        result = read_results_csv(checked)
        _check_lengths(result.plan, checked.name)
        return {"kind": DECIDIM, "document": result.plan, "warnings": result.warnings}
    if sheet_wanted and looks_like_roundtrip(checked):
        rows = [asdict(row) for row in read_sheet(checked)]
        return {"kind": SHEET, "sheet_rows": rows, "warnings": []}
    parsed = parse_plan(checked, column_map=column_map)
    _check_lengths(parsed.plan, checked.name)
    return {
        "kind": PLAN,
        "document": parsed.plan,
        "warnings": parsed.warnings,
        "unmapped_headers": parsed.unmapped_headers,
    }


def sheet_rows(outcome: Outcome) -> list[SheetRow]:
    """The plan sheet's rows again, as the diff takes them."""
    return [SheetRow(int(row["number"]), dict(row["values"])) for row in outcome["sheet_rows"]]


def _check_lengths(document: dict[str, Any], shown: str) -> None:
    """Refuse at reading a text longer than Wellboard keeps, so the preview (and a dry run)
    says so at once instead of a confirm failing later; nothing is stored (issue #12.9)."""
    try:
        check_lengths(document)
    except ExchangeError as exc:
        raise PlanImportError(shown, str(exc)) from exc
