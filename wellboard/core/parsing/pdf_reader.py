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
Each part has its module: pdf_lines (the text layer as lines), pdf_tables (ruled tables),
pdf_layout (tables set out with spaces), pdf_blocks (pages into one stream of blocks).
A PDF with no text at all is a scan: ScannedPdfError, since there is nothing to read
without OCR. Landscape and rotated pages need nothing special: PDFium gives positions on
the page as displayed.
"""

from __future__ import annotations

from typing import Any

import pypdfium2 as pdfium

from wellboard.core.parsing.checked import CheckedFile
from wellboard.core.parsing.pdf_blocks import (
    Page,
    body_size,
    heading_levels,
    page_blocks,
    running_lines,
)
from wellboard.core.parsing.pdf_layout import layout_blocks
from wellboard.core.parsing.pdf_lines import Line, text_lines, text_runs
from wellboard.core.parsing.pdf_tables import table_grids, table_rows
from wellboard.core.parsing.safety import Limits
from wellboard.core.parsing.table_model import SourceDocument, Table

MAX_PAGES = 2_000


class ScannedPdfError(Exception):
    """The PDF has no text layer: its pages are pictures of text."""


def read_pdf(checked: CheckedFile) -> SourceDocument:
    result = SourceDocument()
    pages: list[Page] = []
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
    lines = [item for page in pages for _, item in page.items if isinstance(item, Line)]
    running = running_lines(pages)
    body = body_size(pages)
    levels = heading_levels(lines, body)
    result.blocks = page_blocks(pages, running, levels)
    return result


def _read_page(page: Any, number: int, limits: Limits) -> Page:
    height = page.get_height()
    text = page.get_textpage()
    try:
        out = Page()
        runs = text_runs(text, height)
        for run in runs:
            out.sizes[run.size] += len(run.text)
        boxes = table_grids(page, height)
        placed: set[int] = set()
        for index, rows in enumerate(boxes, start=1):
            cells = table_rows(runs, rows, placed, limits)
            if cells:
                label = f"the table on page {number}" + (f" ({index})" if len(boxes) > 1 else "")
                out.items.append((rows[0][0][1] if rows[0][0] else 0.0, Table(cells, label)))
        lines = text_lines([run for i, run in enumerate(runs) if i not in placed])
        if not boxes and lines and (laid_out := layout_blocks(lines, number)):
            out.items.extend(laid_out)
            return out
        out.items.extend((line.top, line) for line in lines)
        out.items.sort(key=lambda item: item[0])
        return out
    finally:
        text.close()
