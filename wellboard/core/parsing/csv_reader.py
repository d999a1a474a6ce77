"""Reading a CSV export of a plan as one table.

Excel on Windows writes CSV as UTF-8 with a byte-order mark or as Windows-1252,
with "," or ";" (locales with a decimal comma) or tabs between cells, so the
encoding and the delimiter are both detected rather than assumed.
"""

from __future__ import annotations

import csv
import io

from wellboard.core.parsing.cells import clean_cell
from wellboard.core.parsing.checked import CheckedFile
from wellboard.core.parsing.table_model import Cell, SourceDocument, Table

_DELIMITERS = ",;\t|"
_SNIFF_BYTES = 16 * 1024
_SNIFF_LINES = 30


def read_csv(checked: CheckedFile) -> SourceDocument:
    text, limits = checked.text(), checked.limits
    delimiter = _sniff(text[:_SNIFF_BYTES])
    result = SourceDocument()
    rows: list[list[Cell]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for number, values in enumerate(reader, start=1):
        if number > limits.max_rows:
            result.warnings.append(f"rows after {limits.max_rows} ignored")
            break
        rows.append([Cell(paragraphs=tuple(clean_cell(v))) for v in values[: limits.max_columns]])
    result.blocks.append(Table(rows=rows, label="the table"))
    return result


def _sniff(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return _most_common_delimiter(sample)


def _most_common_delimiter(sample: str) -> str:
    """The delimiter found on the most lines (a title line above the table has none)."""
    lines = [line for line in sample.split("\n")[:_SNIFF_LINES] if line.strip()]
    scores = {d: (sum(d in line for line in lines), sample.count(d)) for d in _DELIMITERS}
    best = max(scores, key=lambda d: scores[d])
    return best if scores[best][0] else ","
