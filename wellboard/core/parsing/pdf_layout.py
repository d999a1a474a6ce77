"""A PDF page with no ruled table whose plan table is set out in columns of spaces.

The page's lines are laid out as ``pdftotext -layout`` writes them (each run at its
column, a blank line where rows part) and read by layout_text; only when a header row
sets out a plan table does the page become that table, else its lines stay lines.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from wellboard.core.parsing.layout_text import read_layout_table
from wellboard.core.parsing.pdf_lines import Line
from wellboard.core.parsing.table_model import Block

ROW_GAP = 1.3  # a gap this many times the usual line spacing parts two rows


def layout_blocks(lines: list[Line], number: int) -> list[tuple[float, Line | Block]]:
    """A page with no ruled table: its text laid out in columns of spaces, if a header row
    sets out a plan table; otherwise []."""
    width = min((line.size for line in lines if line.size), default=10.0) * 0.5
    gaps = Counter(round(b.top - a.top) for a, b in pairwise(lines) if b.top > a.top)
    spacing = min((gap for gap, _ in gaps.most_common(3)), default=12)
    laid: list[str] = []
    tops: list[float] = []
    previous: Line | None = None
    for line in lines:
        if previous is not None and line.top - previous.top > spacing * ROW_GAP:
            laid.append("")
            tops.append(line.top)
        laid.append(_laid_out(line, width))
        tops.append(line.top)
        previous = line
    blocks: list[tuple[float, Line | Block]] = []
    found = False
    index = 0
    while index < len(laid):
        table = None
        if "  " in laid[index].strip():
            table = read_layout_table(laid, index, f"the table on page {number}")
        if table is not None:
            blocks.append((tops[index], table[0]))
            index, found = table[1], True
            continue
        match = next((line for line in lines if line.top == tops[index]), None)
        if laid[index].strip() and match is not None:
            blocks.append((tops[index], match))
        index += 1
    return blocks if found else []


def _laid_out(line: Line, width: float) -> str:
    """The line with each run placed at its column, as pdftotext -layout would print it."""
    text = ""
    for run in line.runs or (line,):
        column = max(int(run.x0 / width), len(text) + 2 if text else 0)
        text = text.ljust(column) + run.text
    return text
