"""The first row of a table the parser could not recognise, offered for column mapping.

When no header row is recognised the core can only say so; showing the person the
cells of the file's first row lets them name the columns, and the parser then finds
the header through those choices. Spreadsheets, CSV and text tables are covered; a Word
document's headers are read by the core itself once one of them is recognised.

It reads the same CheckedFile the parser was given (the workbook already open), never
the file again by name: the column-mapping helper once re-opened an upload unchecked and
inflated a zip bomb the check had refused (issue #12.6).
"""

from __future__ import annotations

import csv
import io

from wellboard.core.parsing.checked import CheckedFile

MIN_CELLS = 2
MAX_HEADER_TEXT = 120
SCAN_ROWS = 30
SCAN_TEXT = 256 * 1024


def _first_row(rows: list[list[str]]) -> list[str]:
    for row in rows:
        cells = [" ".join(cell.split()) for cell in row if cell and cell.strip()]
        if len(cells) >= MIN_CELLS and all(len(c) <= MAX_HEADER_TEXT for c in cells):
            return list(dict.fromkeys(cells))
    return []


def _text_rows(checked: CheckedFile) -> list[list[str]]:
    text = checked.text()[:SCAN_TEXT]
    lines = [line for line in text.splitlines()[:SCAN_ROWS] if line.strip()]
    if any("|" in line for line in lines):
        return [line.strip().strip("|").split("|") for line in lines]
    delimiter = max(",;\t", key=lambda d: sum(line.count(d) for line in lines))
    return list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))


def _sheet_rows(checked: CheckedFile) -> list[list[str]]:
    rows = checked.workbook().worksheets[0].iter_rows(max_row=SCAN_ROWS, values_only=True)
    return [["" if v is None else str(v) for v in row] for row in rows]


def candidate_headers(checked: CheckedFile) -> list[str]:
    """The first plausible header row's cells, or [] (never raises)."""
    try:
        if checked.kind == "xlsx":
            return _first_row(_sheet_rows(checked))
        if checked.kind in ("csv", "text"):
            return _first_row(_text_rows(checked))
    except Exception:
        return []
    return []
