"""The report as PDF: WeasyPrint lays out the same HTML the web page shows, in one pass.

Nothing is fetched while rendering: the stylesheet is inline and the chart is inline SVG,
so a link a user typed into an update can never make the server open a URL.

Pages are numbered by WeasyPrint itself ("Page N of M" from `counter(page)` and
`counter(pages)` in the @page margin boxes of print.css). Layout is the cost (roughly a
tenth of a second a page, most of it breaking lines of table cells), so the print HTML is
kept lean: cell lines are newline-separated text under `white-space: pre-line` rather
than `<br>` elements, and indentation between block and table tags is dropped before
WeasyPrint parses it (see html_renderer.py). Python's cyclic garbage collector is paused
while WeasyPrint works (reports/collection.py): its full passes over the layout's half a million
objects cost a quarter of the time. Everything runs in the calling
process: no worker processes, so it is safe inside a threaded server or a task worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wellboard.reports.collection import collector_paused
from wellboard.reports.document import Report
from wellboard.reports.renderers.html_renderer import render_standalone

if TYPE_CHECKING:
    from weasyprint.document import Document


def refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"reports fetch nothing: {url[:80]}")


def lay_out(html: str) -> Document:
    """Pages laid out: parsing, styling and breaking lines, the costly stage."""
    from weasyprint import HTML  # imported here: it loads Pango, which pages never need

    with collector_paused():
        return HTML(string=html, url_fetcher=refuse_fetch).render()


def write(document: Document) -> bytes:
    """The laid-out pages as PDF bytes (drawing, fonts subset and embedded)."""
    with collector_paused():
        return bytes(document.write_pdf())


def html_to_pdf(html: str) -> bytes:
    # Two named stages, so that benchmarks/bench_reports.py times the very same calls.
    return write(lay_out(html))


def render_pdf(report: Report) -> bytes:
    return html_to_pdf(render_standalone(report))
