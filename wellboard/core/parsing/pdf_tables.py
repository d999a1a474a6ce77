"""A PDF page's ruled tables: rules found among the drawn paths, cells filled with text.

Thin drawn paths are the table's rules; pdfplumber's table finder (merge_edges ->
intersections -> cells -> tables) turns them into grids of cell boxes, and the text runs
whose middle falls in a box are the cell's lines, joined into paragraphs again (a cell's
wrapped lines are one paragraph; a bullet, a number, a wider gap or a line the writer
broke short starts a new one). Where the page cuts a table, the missing rule is drawn.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pypdfium2.raw as pdfium_c
from pdfplumber import table as grid

from wellboard.core.parsing.cells import clean_cell
from wellboard.core.parsing.pdf_lines import NEW_PARAGRAPH, Line, text_lines
from wellboard.core.parsing.safety import Limits
from wellboard.core.parsing.table_model import Cell

RULE_MAX_THICKNESS = 3.0
SNAP = 3.0
CELL_PADDING = 8.0
PARAGRAPH_GAP = 1.15  # more than this times the closest line spacing: a new paragraph
Box = tuple[float, float, float, float]  # x0, top, x1, bottom, from the page's top left


def _edges(page: Any, height: float) -> list[dict[str, Any]]:
    """Thin drawn paths (table rules) as pdfplumber edges, y measured from the top."""
    edges = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        width, tall = right - left, top - bottom
        if tall <= RULE_MAX_THICKNESS and width > RULE_MAX_THICKNESS:
            y = height - (top + bottom) / 2
            edges.append(_edge("h", left, right, y, y))
        elif width <= RULE_MAX_THICKNESS and tall > RULE_MAX_THICKNESS:
            x = (left + right) / 2
            edges.append(_edge("v", x, x, height - top, height - bottom))
    return edges


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict[str, Any]:
    return {
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "object_type": "line",
    }


def table_grids(page: Any, height: float) -> list[list[list[Box | None]]]:
    """Each ruled table as rows of cell boxes (None where a merged cell covers the slot)."""
    edges = _edges(page, height)
    if len(edges) < 4:
        return []
    merged = _closed(grid.merge_edges(edges, SNAP, SNAP, SNAP, SNAP))
    cells = grid.intersections_to_cells(grid.edges_to_intersections(merged, SNAP, SNAP))
    tables = []
    for table_cells in grid.cells_to_tables(cells):
        rows = [list(row.cells) for row in grid.Table(None, table_cells).rows]  # type: ignore[arg-type]
        if len(rows) >= 1 and max(len(row) for row in rows) >= 2:
            tables.append(rows)
    tables.sort(key=lambda rows: _outline(rows)[1])
    return tables


def _closed(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Draw the missing rule where a table is cut by the page: at the top of the page a
    continued row has no rule above it, at the bottom a cut row has none below."""
    across = [e for e in edges if e["orientation"] == "h"]
    upright = [e for e in edges if e["orientation"] == "v"]
    added = []
    for key in ("top", "bottom"):
        ends: dict[int, list[dict[str, Any]]] = {}
        for edge in upright:
            y = edge[key]
            ruled = any(
                abs(h["top"] - y) <= SNAP and h["x0"] - SNAP <= edge["x0"] <= h["x1"] + SNAP
                for h in across
            )
            if not ruled:
                ends.setdefault(round(y), []).append(edge)
        for y, group in ends.items():
            if len(group) >= 2:
                xs = [e["x0"] for e in group]
                added.append(_edge("h", min(xs), max(xs), float(y), float(y)))
    return edges + added


def _outline(rows: list[list[Box | None]]) -> Box:
    boxes = [box for row in rows for box in row if box is not None]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def table_rows(
    runs: list[Line], rows: list[list[Box | None]], placed: set[int], limits: Limits
) -> list[list[Cell]]:
    """Each cell's runs (by their middle) read into paragraphs; ``placed`` collects them."""
    out = []
    for boxes in rows[: limits.max_rows]:
        row = []
        for box in boxes[: limits.max_columns]:
            if box is None:
                row.append(Cell(spanned=True))
                continue
            inside = [i for i, run in enumerate(runs) if _within(run, box)]
            placed.update(inside)
            row.append(_cell([runs[i] for i in inside], box))
        if any(not cell.empty for cell in row):
            out.append(row)
    return out


def _within(run: Line, box: Box) -> bool:
    x = (run.x0 + run.x1) / 2
    y = run.top - 2  # just above the baseline
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _cell(runs: list[Line], box: Box) -> Cell:
    """A cell's lines joined into paragraphs: a line ends its paragraph when more space
    follows it than the cell's closest lines have, or when the next line's first word
    would have fitted after it (the writer broke the line, not the wrapping); a bullet
    or number starts one."""
    paragraphs: list[str] = []
    previous: Line | None = None
    lines = text_lines(runs)
    gaps = [b.top - a.top for a, b in pairwise(lines)]
    wrap = min(gaps, default=0.0) * PARAGRAPH_GAP
    for line in lines:
        if paragraphs and previous is not None and not NEW_PARAGRAPH.match(line.text):
            spaced = bool(wrap) and line.top - previous.top > wrap
            if not spaced and not _ended_short(previous, line, box):
                paragraphs[-1] = f"{paragraphs[-1]} {line.text}"
                previous = line
                continue
        paragraphs.append(line.text)
        previous = line
    return Cell(paragraphs=tuple(p for raw in paragraphs for p in clean_cell(raw)))


def _ended_short(previous: Line, line: Line, box: Box) -> bool:
    """Well short: room for half again the next line's first word, and a quarter of the
    cell, so that the uneven widths of letters never split a wrapped sentence."""
    if not line.text[:1].isupper():
        return False
    char_width = (line.x1 - line.x0) / max(len(line.text), 1)
    first_word = line.text.split(" ", 1)[0]
    room = box[2] - CELL_PADDING - previous.x1
    return room > max((len(first_word) + 1) * char_width * 1.5, (box[2] - box[0]) / 4)
