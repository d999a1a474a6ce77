"""The report as PDF: WeasyPrint lays out the same HTML the web page shows.

Nothing is fetched while rendering: the stylesheet is inline and the chart is inline SVG,
so a link a user typed into an update can never make the server open a URL.

Layout is WeasyPrint's cost (about a tenth of a second a page), and a 300-action plan
runs to some 50 pages. A large report is therefore laid out in parts, one per CPU core,
each part starting at a theme; the parts are joined with pypdf and then numbered by
laying a page of footers ("Page N of M") over each page, since no part knows the others'
page counts while it is laid out.
"""

from __future__ import annotations

import io
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any

from wellboard.reports.document import Block, Heading, Report, Table
from wellboard.reports.renderers.html_renderer import render_footers, render_standalone

logger = logging.getLogger(__name__)

# Below this many table rows one pass is quicker than starting worker processes.
PARTS_ABOVE_ROWS = 120
PART_TIMEOUT_S = 120


def refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"reports fetch nothing: {url[:80]}")


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which pages never need

    return bytes(HTML(string=html, url_fetcher=refuse_fetch).write_pdf())


def row_count(blocks: list[Block]) -> int:
    return sum(len(b.rows) + 1 for b in blocks if isinstance(b, Table))


def split_blocks(blocks: list[Block], parts: int) -> list[list[Block]]:
    """Cut before top-level headings so that each part has about the same rows."""
    target = row_count(blocks) / parts
    result: list[list[Block]] = [[]]
    for block in blocks:
        starts_section = isinstance(block, Heading) and block.level == 1
        if starts_section and len(result) < parts and row_count(result[-1]) >= target:
            result.append([])
        result[-1].append(block)
    return [part for part in result if part]


def worker_count() -> int:
    return max(1, min(4, len(os.sched_getaffinity(0))))


def render_pdf(report: Report) -> bytes:
    workers = worker_count()
    if workers < 2 or row_count(report.blocks) <= PARTS_ABOVE_ROWS:
        return html_to_pdf(render_standalone(report))
    pieces = split_blocks(report.blocks, workers)
    if len(pieces) < 2:
        return html_to_pdf(render_standalone(report))
    first = Report(**{**report.__dict__, "blocks": pieces[0]})
    htmls = [render_standalone(first, footer=False)]
    htmls += [render_standalone(report.part(p), footer=False) for p in pieces[1:]]
    try:
        with ProcessPoolExecutor(len(htmls), mp_context=get_context("fork")) as pool:
            pdfs = [f.result(PART_TIMEOUT_S) for f in [pool.submit(html_to_pdf, h) for h in htmls]]
    except Exception:
        logger.exception("Laying out the PDF in parts failed; laying it out in one pass")
        return html_to_pdf(render_standalone(report))
    return join_and_number(report, pdfs)


def join_and_number(report: Report, pdfs: list[bytes]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    pages = [page for pdf in pdfs for page in PdfReader(io.BytesIO(pdf)).pages]
    footers = PdfReader(io.BytesIO(html_to_pdf(render_footers(report, len(pages))))).pages
    writer = PdfWriter()
    for page, footer in zip(pages, footers, strict=True):
        writer.add_page(page).merge_page(footer)
    writer.add_metadata({"/Title": report.title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
