"""Reading an Excel workbook's sheets as tables.

openpyxl's read-only mode streams rows instead of building every cell object,
and ``data_only`` gives the values Excel last calculated rather than formulas.
A sheet's recorded dimensions are ignored (``reset_dimensions``): a crafted
file can claim a million rows it does not hold, and padding to them would be
slow. In read-only mode a merged range's value is in its first cell only,
which is the de-duplication the plan builder needs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wellboard.core.parsing.cells import clean_cell
from wellboard.core.parsing.checked import CheckedFile
from wellboard.core.parsing.safety import Limits
from wellboard.core.parsing.table_model import Cell, Paragraph, SourceDocument, Table


def read_xlsx(checked: CheckedFile) -> SourceDocument:
    """The visible sheets as tables; the workbook is the checked file's, opened once."""
    result = SourceDocument()
    tables: list[tuple[str, Table]] = []
    for sheet in checked.workbook().worksheets:
        if getattr(sheet, "sheet_state", "visible") != "visible":
            continue
        if not hasattr(sheet, "iter_rows"):
            continue  # a chart sheet
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()
        rows = _rows(sheet, checked.limits, result.warnings)
        if rows:
            tables.append((sheet.title, Table(rows=rows, label=f"sheet {sheet.title!r}")))
    for title, table in tables:
        if len(tables) > 1:
            result.blocks.append(Paragraph(text=title, heading_level=1, role="sheet"))
        result.blocks.append(table)
    return result


def _rows(sheet: Any, limits: Limits, warnings: list[str]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > limits.max_rows:
            warnings.append(f"sheet {sheet.title!r}: rows after {limits.max_rows} ignored")
            break
        row = [Cell(paragraphs=tuple(clean_cell(_text(v)))) for v in values[: limits.max_columns]]
        rows.append(row)
    while rows and all(cell.empty for cell in rows[-1]):
        rows.pop()
    return rows


def _text(value: object) -> str:
    """A cell value as the board would read it; dates spelt out so parse_due reads them."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return _date_text(value.date())
    if isinstance(value, dt.date):
        return _date_text(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    return str(value)


def _date_text(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
