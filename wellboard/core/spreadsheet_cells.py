"""The one rule for text the app writes into spreadsheets and CSV files (formula injection).

A cell starting with =, +, -, @, a tab or a carriage return is taken as a formula by
Excel and LibreOffice, so a plan title such as `=HYPERLINK(...)` would run on the board
member's machine (OWASP "CSV injection"). In CSV files such a cell gets a leading
apostrophe, which spreadsheets read as "this is text", and which `csv_cell_read` takes
off again when Wellboard reads its own export back. In .xlsx files the text is stored as
a string with Excel's quote prefix, so the value itself is unchanged and stays inert
even when someone edits the cell.
"""

from __future__ import annotations

from typing import Any, TypeVar

from openpyxl.cell.cell import Cell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
T = TypeVar("T")


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value[:1] in FORMULA_STARTS


def csv_cell(value: T) -> T | str:
    """The value to write in a CSV cell: formula-like text gets a leading apostrophe."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def csv_cell_read(text: str) -> str:
    """The inverse of `csv_cell`, for reading back a CSV file the app wrote."""
    if text[:1] == "'" and looks_like_formula(text[1:]):
        return text[1:]
    return text


def xlsx_text(cell: Cell) -> Cell:
    """Store formula-like text in an openpyxl cell as quoted text, never as a formula."""
    if looks_like_formula(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def xlsx_sheet_text(rows: Any) -> None:
    """Apply `xlsx_text` to every cell of the given rows (e.g. `sheet.iter_rows()`)."""
    for row in rows:
        for cell in row:
            xlsx_text(cell)
