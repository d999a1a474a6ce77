"""Reading a PDF's tables and the headings between them, from its text layer.

Most published plans exist only as PDFs printed from Word. The page's ruled lines are
found among its drawn paths, and pdfplumber's table finder (merge_edges ->
intersections -> cells -> tables) turns them into table grids; PDFium (pypdfium2, which
pdfplumber itself installs) gives the text in each cell and the lines of text outside the
tables with their font size and weight. PDFium reads a page about ten times faster than
pdfminer, which pdfplumber's own text extraction runs on: a 60-page plan has to parse in
a few seconds. A line set larger than the body text is a heading (the larger, the higher),
so the theme and priority headings above a table reach the plan builder as they would
from Word. What a printed table loses is put back:

- a table running over several pages is one table: each page's part is appended to the
  part before when it has as many columns, and its repeated header row is dropped;
- a row cut by a page break (its first cell empty on the new page, and text that carries
  on in lower case) is joined to the row it started on;
- a cell's wrapped lines are one paragraph again; a line starting with a bullet or a
  number starts a new one;
- a page with no ruled table but columns set out with spaces is laid out as text, the way
  ``pdftotext -layout`` writes it, and read by layout_text.

Running headers and footers (page numbers, a line repeated on most pages) are left out.
A PDF with no text at all is a scan: ScannedPdfError, since there is nothing to read
without OCR. Landscape and rotated pages need nothing special: PDFium gives positions on
the page as displayed.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber import table as grid

from wellboard.core.parsing.cells import clean_cell
from wellboard.core.parsing.checked import CheckedFile
from wellboard.core.parsing.layout_text import read_layout_table
from wellboard.core.parsing.safety import Limits
from wellboard.core.parsing.table_model import Block, Cell, Paragraph, SourceDocument, Table

MAX_PAGES = 2_000
HEADING_RATIO = 1.12
LINE_TOLERANCE = 3.0
RULE_MAX_THICKNESS = 3.0
SNAP = 3.0
CELL_PADDING = 8.0
PARAGRAPH_GAP = 1.15  # more than this times the closest line spacing: a new paragraph
ROW_GAP = 1.3  # a gap this many times the usual line spacing parts two rows
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$", re.IGNORECASE)
_NEW_PARAGRAPH = re.compile(r"^(?:[\u2022\u25cf\u25aa\u00b7\uf0b7*\-\u2013]\s|\(?\d{1,2}[.)]\s)")
_CONTINUES = re.compile(r"^[a-z(,;:\-\u2013]")
Box = tuple[float, float, float, float]  # x0, top, x1, bottom, from the page's top left


class ScannedPdfError(Exception):
    """The PDF has no text layer: its pages are pictures of text."""


@dataclass
class _Line:
    text: str
    size: float
    bold: bool
    top: float  # the baseline, measured from the top of the page
    x0: float = 0.0
    x1: float = 0.0
    runs: tuple[_Line, ...] = ()


@dataclass
class _Page:
    items: list[tuple[float, _Line | Block]] = field(default_factory=list)
    sizes: Counter[float] = field(default_factory=Counter)  # characters set in each size


def read_pdf(checked: CheckedFile) -> SourceDocument:
    result = SourceDocument()
    pages: list[_Page] = []
    limits = checked.limits
    document = pdfium.PdfDocument(checked.data)
    try:
        if len(document) > MAX_PAGES:
            result.warnings.append(f"pages after {MAX_PAGES} ignored")
        for number in range(1, min(len(document), MAX_PAGES) + 1):
            page = document[number - 1]
            try:
                pages.append(_read_page(page, number, limits))
            finally:
                page.close()
    finally:
        document.close()
    if not any(page.items for page in pages):
        raise ScannedPdfError
    lines = [item for page in pages for _, item in page.items if isinstance(item, _Line)]
    running = _running_lines(pages)
    body = _body_size(pages)
    levels = _heading_levels(lines, body)
    result.blocks = _blocks(pages, running, levels)
    return result


def _read_page(page: Any, number: int, limits: Limits) -> _Page:
    height = page.get_height()
    text = page.get_textpage()
    try:
        out = _Page()
        runs = _text_runs(text, height)
        for run in runs:
            out.sizes[run.size] += len(run.text)
        boxes = _table_grids(page, height)
        placed: set[int] = set()
        for index, rows in enumerate(boxes, start=1):
            cells = _table_rows(runs, rows, placed, limits)
            if cells:
                label = f"the table on page {number}" + (f" ({index})" if len(boxes) > 1 else "")
                out.items.append((rows[0][0][1] if rows[0][0] else 0.0, Table(cells, label)))
        lines = _text_lines([run for i, run in enumerate(runs) if i not in placed])
        if not boxes and lines and (laid_out := _layout_blocks(lines, number)):
            out.items.extend(laid_out)
            return out
        out.items.extend((line.top, line) for line in lines)
        out.items.sort(key=lambda item: item[0])
        return out
    finally:
        text.close()


# Ruled tables -------------------------------------------------------------------------------


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


def _table_grids(page: Any, height: float) -> list[list[list[Box | None]]]:
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


def _table_rows(
    runs: list[_Line], rows: list[list[Box | None]], placed: set[int], limits: Limits
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


def _within(run: _Line, box: Box) -> bool:
    x = (run.x0 + run.x1) / 2
    y = run.top - 2  # just above the baseline
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _cell(runs: list[_Line], box: Box) -> Cell:
    """A cell's lines joined into paragraphs: a line ends its paragraph when more space
    follows it than the cell's closest lines have, or when the next line's first word
    would have fitted after it (the writer broke the line, not the wrapping); a bullet
    or number starts one."""
    paragraphs: list[str] = []
    previous: _Line | None = None
    lines = _text_lines(runs)
    gaps = [b.top - a.top for a, b in pairwise(lines)]
    wrap = min(gaps, default=0.0) * PARAGRAPH_GAP
    for line in lines:
        if paragraphs and previous is not None and not _NEW_PARAGRAPH.match(line.text):
            spaced = bool(wrap) and line.top - previous.top > wrap
            if not spaced and not _ended_short(previous, line, box):
                paragraphs[-1] = f"{paragraphs[-1]} {line.text}"
                previous = line
                continue
        paragraphs.append(line.text)
        previous = line
    return Cell(paragraphs=tuple(p for raw in paragraphs for p in clean_cell(raw)))


def _ended_short(previous: _Line, line: _Line, box: Box) -> bool:
    """Well short: room for half again the next line's first word, and a quarter of the
    cell, so that the uneven widths of letters never split a wrapped sentence."""
    if not line.text[:1].isupper():
        return False
    char_width = (line.x1 - line.x0) / max(len(line.text), 1)
    first_word = line.text.split(" ", 1)[0]
    room = box[2] - CELL_PADDING - previous.x1
    return room > max((len(first_word) + 1) * char_width * 1.5, (box[2] - box[0]) / 4)


# Text outside tables -----------------------------------------------------------------------


def _text_runs(text: Any, height: float) -> list[_Line]:
    """PDFium's text runs (a line, or the part of one in a cell), top to bottom."""
    runs = []
    for index in range(text.count_rects()):
        left, bottom, right, top = text.get_rect(index)
        words = " ".join(text.get_text_bounded(left, bottom, right, top).split())
        if not words:
            continue
        xs = ((left + right) / 2, left + 1, right - 1)
        size, bold, baseline = _font(text, xs, (bottom + top) / 2, bottom)
        runs.append(_Line(words, size, bold, height - baseline, left, right))
    runs.sort(key=lambda run: (round(run.top), run.x0))
    return runs


def _text_lines(runs: list[_Line]) -> list[_Line]:
    """Runs that share a baseline joined into lines."""
    lines: list[list[_Line]] = []
    for run in sorted(runs, key=lambda run: (round(run.top), run.x0)):
        if lines and abs(lines[-1][0].top - run.top) <= LINE_TOLERANCE:
            lines[-1].append(run)
        else:
            lines.append([run])
    return [_joined_line(sorted(group, key=lambda run: run.x0)) for group in lines]


def _joined_line(group: list[_Line]) -> _Line:
    first = group[0]
    return _Line(
        " ".join(run.text for run in group),
        max(run.size for run in group),
        all(run.bold for run in group),
        first.top,
        first.x0,
        group[-1].x1,
        tuple(group),
    )


_NAME_BUFFER = ctypes.create_string_buffer(256)


def _font(text: Any, xs: tuple[float, ...], y: float, top: float) -> tuple[float, bool, float]:
    """Font size, boldness and baseline of the character at (x, y), trying each x: the
    baseline, unlike the top of the glyphs, is spaced evenly from line to line."""
    index = -1
    for at in xs:  # the middle may fall between two words
        index = pdfium_c.FPDFText_GetCharIndexAtPos(text.raw, at, y, 2, 2)
        if index >= 0:
            break
    if index < 0:
        return 0.0, False, top
    origin_x, origin_y = ctypes.c_double(0), ctypes.c_double(0)
    if pdfium_c.FPDFText_GetCharOrigin(
        text.raw, index, ctypes.byref(origin_x), ctypes.byref(origin_y)
    ):
        top = origin_y.value
    size = round(pdfium_c.FPDFText_GetFontSize(text.raw, index), 1)
    flags = ctypes.c_int(0)
    length = pdfium_c.FPDFText_GetFontInfo(text.raw, index, _NAME_BUFFER, 256, ctypes.byref(flags))
    name = _NAME_BUFFER.value.decode("latin-1", "replace").lower() if length else ""
    weight = pdfium_c.FPDFText_GetFontWeight(text.raw, index)
    return size, "bold" in name or weight >= 600, top


def _layout_blocks(lines: list[_Line], number: int) -> list[tuple[float, _Line | Block]]:
    """A page with no ruled table: its text laid out in columns of spaces, if a header row
    sets out a plan table; otherwise []."""
    width = min((line.size for line in lines if line.size), default=10.0) * 0.5
    gaps = Counter(round(b.top - a.top) for a, b in pairwise(lines) if b.top > a.top)
    spacing = min((gap for gap, _ in gaps.most_common(3)), default=12)
    laid: list[str] = []
    tops: list[float] = []
    previous: _Line | None = None
    for line in lines:
        if previous is not None and line.top - previous.top > spacing * ROW_GAP:
            laid.append("")
            tops.append(line.top)
        laid.append(_laid_out(line, width))
        tops.append(line.top)
        previous = line
    blocks: list[tuple[float, _Line | Block]] = []
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


def _laid_out(line: _Line, width: float) -> str:
    """The line with each run placed at its column, as pdftotext -layout would print it."""
    text = ""
    for run in line.runs or (line,):
        column = max(int(run.x0 / width), len(text) + 2 if text else 0)
        text = text.ljust(column) + run.text
    return text


def _running_lines(pages: list[_Page]) -> set[str]:
    """Texts repeated on most pages (running headers and footers)."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({item.text for _, item in page.items if isinstance(item, _Line)})
    return {text for text, count in counts.items() if count * 2 >= len(pages)}


def _body_size(pages: list[_Page]) -> float:
    """The size most of the text is set in, tables included."""
    sizes: Counter[float] = Counter()
    for page in pages:
        sizes.update(page.sizes)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _heading_levels(lines: list[_Line], body: float) -> dict[float, int]:
    larger = sorted({line.size for line in lines if line.size > body * HEADING_RATIO}, reverse=True)
    return {size: level for level, size in enumerate(larger[:6], start=1)}


def _blocks(pages: list[_Page], running: set[str], levels: dict[float, int]) -> list[Block]:
    blocks: list[Block] = []
    previous: _Line | None = None
    for page in pages:
        first_on_page = True
        for _, item in page.items:
            if isinstance(item, Table):
                if not (first_on_page and _continue_table(blocks, item)):
                    blocks.append(item)
                previous, first_on_page = None, False
                continue
            if not isinstance(item, _Line):
                blocks.append(item)
                previous, first_on_page = None, False
                continue
            if item.text in running or _PAGE_NUMBER.match(item.text):
                continue
            first_on_page = False
            if previous is not None and _same_paragraph(previous, item, blocks):
                last = blocks[-1]
                assert isinstance(last, Paragraph)
                blocks[-1] = Paragraph(
                    text=f"{last.text} {item.text}",
                    heading_level=last.heading_level,
                    bold=last.bold,
                    list_item=last.list_item,
                )
            else:
                blocks.append(_paragraph(item, levels))
            previous = item
    return blocks


def _paragraph(line: _Line, levels: dict[float, int]) -> Paragraph:
    text = " ".join(clean_cell(line.text)) or line.text
    return Paragraph(
        text=text,
        heading_level=levels.get(line.size),
        bold=line.bold and line.size not in levels,
        list_item=bool(_NEW_PARAGRAPH.match(line.text)),
    )


def _same_paragraph(previous: _Line, line: _Line, blocks: list[Block]) -> bool:
    """A wrapped line of the paragraph above: same type, close below, not a new item."""
    if not blocks or not isinstance(blocks[-1], Paragraph):
        return False
    close = 0 < line.top - previous.top <= previous.size * 1.6
    same_type = (previous.size, previous.bold) == (line.size, line.bold)
    return close and same_type and not _NEW_PARAGRAPH.match(line.text)


def _continue_table(blocks: list[Block], table: Table) -> bool:
    """Append a page's table to the table ending the previous page, if it carries on."""
    if not blocks or not isinstance(blocks[-1], Table):
        return False
    before = blocks[-1]
    width = len(before.rows[0])
    if any(len(row) != width for row in table.rows[:1]):
        return False
    rows = list(table.rows)
    if rows and _texts(rows[0]) == _texts(before.rows[0]):
        rows = rows[1:]
    if rows and _carries_on(before.rows[-1], rows[0]):
        before.rows[-1] = _joined(before.rows[-1], rows[0])
        rows = rows[1:]
    before.rows.extend(rows)
    return True


def _texts(row: list[Cell]) -> list[str]:
    return [" ".join(cell.text.split()) for cell in row]


def _carries_on(above: list[Cell], row: list[Cell]) -> bool:
    """The rest of a row cut by the page break: either no first cell and text carrying on
    mid-sentence, or cells filled only where the part above left them empty (a row whose
    long cells moved to the next page whole)."""
    filled = [cell for cell in row if not cell.empty]
    if not filled:
        return False
    if row[0].empty and any(_CONTINUES.match(cell.paragraphs[0]) for cell in filled):
        return True
    return all(a.empty or b.empty for a, b in zip(above, row, strict=False))


def _joined(top: list[Cell], rest: list[Cell]) -> list[Cell]:
    cells = []
    for upper, lower in zip(top, rest, strict=False):
        if lower.empty:
            cells.append(upper)
        elif upper.empty:
            cells.append(lower)
        elif _CONTINUES.match(lower.paragraphs[0]) or not _NEW_PARAGRAPH.match(lower.paragraphs[0]):
            merged = (*upper.paragraphs[:-1], f"{upper.paragraphs[-1]} {lower.paragraphs[0]}")
            cells.append(Cell(paragraphs=merged + lower.paragraphs[1:]))
        else:
            cells.append(Cell(paragraphs=upper.paragraphs + lower.paragraphs))
    return cells
