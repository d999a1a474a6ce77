"""The first row of a table the parsing core could not recognise, offered for mapping.

When no header row is recognised the core can only say so; showing the person the
cells of the file's first row lets them name the columns, and the parser then finds
the header through those choices. Spreadsheets, CSV and text tables are covered; a Word
document's headers are read by the core itself once one of them is recognised.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

from wellboard.core.parsing import PlanImportError
from wellboard.core.parsing.csv_reader import decode_text
from wellboard.core.parsing.safety import check_file, file_kind

MIN_CELLS = 2
MAX_HEADER_TEXT = 120
SCAN_ROWS = 30


def _first_row(rows: list[list[str]]) -> list[str]:
    for row in rows:
        cells = [" ".join(cell.split()) for cell in row if cell and cell.strip()]
        if len(cells) >= MIN_CELLS and all(len(c) <= MAX_HEADER_TEXT for c in cells):
            return list(dict.fromkeys(cells))
    return []


def _text_rows(path: Path) -> list[list[str]]:
    text = decode_text(path.read_bytes()[: 256 * 1024])
    lines = [line for line in text.splitlines()[:SCAN_ROWS] if line.strip()]
    if any("|" in line for line in lines):
        return [line.strip().strip("|").split("|") for line in lines]
    delimiter = max(",;\t", key=lambda d: sum(line.count(d) for line in lines))
    return list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))


def _sheet_rows(path: Path) -> list[list[str]]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        rows = book.worksheets[0].iter_rows(max_row=SCAN_ROWS, values_only=True)
        return [["" if v is None else str(v) for v in row] for row in rows]
    finally:
        book.close()


def candidate_headers(path: Path, filename: str) -> list[str]:
    """The first plausible header row's cells, or [] (never raises).

    The file goes through the same archive and size check as the parsers first: this
    reader runs after a parse failed, often because that check refused the file (a zip
    bomb's shared strings would otherwise be inflated here, issue #12).
    """
    suffix = Path(filename).suffix.lower()
    try:
        check_file(path, filename, file_kind(filename))
    except PlanImportError:
        return []
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _first_row(_sheet_rows(path))
        if suffix in (".csv", ".tsv", ".txt", ".md"):
            return _first_row(_text_rows(path))
    except Exception:
        return []
    return []
