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
# Excel keeps at most this many characters in a cell and cuts the rest when it opens the
# file; the app refuses to write such a cell rather than let a board's text be cut.
EXCEL_CELL_LIMIT = 32_767


class CellTooLong(ValueError):
    """A text longer than an Excel cell holds; the message says where and what to do."""


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


def fits_in_cell(value: T) -> T:
    """The value, if an Excel cell keeps all of it; else CellTooLong. Call it before the
    value reaches openpyxl, which silently cuts longer text to the limit."""
    if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
        start = " ".join(value[:60].split())
        raise CellTooLong(
            f"“{start}…” is {len(value):,} characters long, more than the "
            f"{EXCEL_CELL_LIMIT:,} an Excel cell keeps: shorten the text, or download it as "
            "Word, PDF or the plan's JSON export"
        )
    return value


def cells_that_fit(values: list[Any]) -> list[Any]:
    """A row of values for ``sheet.append``, each checked by `fits_in_cell`."""
    return [fits_in_cell(value) for value in values]


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
