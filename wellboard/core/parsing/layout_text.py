"""Tables in text whose columns are aligned by spaces, as ``pdftotext -layout`` writes them.

There is no separator to split on, so the columns are found from the header row: each run
of text separated from the next by two or more spaces is a header cell, and its first
character marks where its column starts. Each later line is cut into runs the same way and
each run goes to the column whose start it lies at or after (allowing two characters of
slack for text set a little left). Rows are separated by blank lines, which is how layout
text shows the space between table rows (where a table has no blank line at all, each
line starts a row unless its text carries on in lower case); the lines of one row are the
wrapped lines of its cells, joined back into paragraphs (a line starting with a bullet or
number starts a new one). The table ends at two blank lines in a row or at a full-width
line of prose.
"""

from __future__ import annotations

import re

from wellboard.core.parsing.cells import clean_cell
from wellboard.core.parsing.headers import detect_header
from wellboard.core.parsing.table_model import Cell, Table

_RUN = re.compile(r"\S+(?: \S+)*")
_NEW_PARAGRAPH = re.compile(
    r"^(?:[\u2022\u25cf\u25aa\u00b7*\-\u2013]\s|\(?\d{1,2}[.)]\s|[a-z][.)]\s)"
)
_CARRIES_ON = re.compile(r"^[a-z(,;:&]")
SLACK = 2
MIN_COLUMNS = 3
HEADER_WRAP_MAX = 20


def runs(line: str) -> list[tuple[int, str]]:
    """The stretches of text separated by two or more spaces, with where each starts."""
    return [(m.start(), m.group()) for m in _RUN.finditer(line.expandtabs(8))]


def header_columns(line: str) -> list[int] | None:
    """Column starts, if the line is a plan table's header row laid out with spaces."""
    found = runs(line)
    if len(found) < MIN_COLUMNS:
        return None
    if detect_header([Cell(paragraphs=(text,)) for _, text in found]) is None:
        return None
    return [start for start, _ in found]


def _column(starts: list[int], position: int) -> int:
    index = 0
    for number, start in enumerate(starts):
        if position + SLACK >= start:
            index = number
    return index


def _is_prose(line: str, starts: list[int]) -> bool:
    """A line with no column gap that runs well past the first column: body text again."""
    found = runs(line)
    return len(found) == 1 and found[0][0] < starts[1] and len(line.rstrip()) > starts[-1] + 20


def _join(lines: list[str]) -> tuple[str, ...]:
    paragraphs: list[str] = []
    for line in lines:
        if paragraphs and not _NEW_PARAGRAPH.match(line):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return tuple(p for text in paragraphs for p in clean_cell(text))


def _row(lines: list[str], starts: list[int]) -> list[Cell]:
    columns: list[list[str]] = [[] for _ in starts]
    for line in lines:
        for position, text in runs(line):
            columns[_column(starts, position)].append(text)
    return [Cell(paragraphs=_join(texts)) for texts in columns]


def _header_wrap(line: str, starts: list[int]) -> bool:
    """A header cell's second line ("By" over "when"): short runs right under the header."""
    found = runs(line)
    return bool(found) and all(len(text) <= HEADER_WRAP_MAX for _, text in found)


def read_layout_table(lines: list[str], first: int, label: str) -> tuple[Table, int] | None:
    """The table whose header row is ``lines[first]``, and the index of the line after it."""
    starts = header_columns(lines[first])
    if starts is None:
        return None
    header_lines = [lines[first]]
    index = first + 1
    while index < len(lines) and _header_wrap(lines[index], starts):
        header_lines.append(lines[index])
        index += 1
    groups: list[list[str]] = [[]]
    blank_run = 0
    while index < len(lines):
        line = lines[index].rstrip()
        if not line.strip():
            blank_run += 1
            if groups[-1]:
                groups.append([])
            if blank_run >= 2:
                break
        elif _is_prose(line, starts):
            break
        else:
            blank_run = 0
            groups[-1].append(line)
        index += 1
    groups = [group for group in groups if group]
    if len(groups) == 1:
        groups = _rows_without_gaps(groups[0])
    rows = [_row(header_lines, starts), *(_row(group, starts) for group in groups)]
    return Table(rows=rows, label=label), index


def _rows_without_gaps(lines: list[str]) -> list[list[str]]:
    """No blank line between rows: a line starts a row unless all its text carries on
    in lower case from the line above (a wrapped cell)."""
    rows: list[list[str]] = []
    for line in lines:
        carries_on = all(_CARRIES_ON.match(text) for _, text in runs(line))
        if rows and carries_on:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows
