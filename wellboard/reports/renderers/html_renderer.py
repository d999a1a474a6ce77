"""The report as HTML: the web page's body and, wrapped with the print stylesheet, the
standalone document that the PDF renderer and `--format html` use."""

from __future__ import annotations

from importlib import resources
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from markupsafe import Markup

from wellboard.reports.document import Block, Report
from wellboard.reports.renderers.svg import stacked_bar_svg


def block_type(block: Block) -> str:
    return type(block).__name__.lower()


def stylesheet(name: str) -> str:
    return resources.files("wellboard.reports").joinpath(f"renderers/{name}").read_text("utf-8")


def print_css(*, footer: bool = True) -> Markup:
    css = stylesheet("print.css") + (stylesheet("footer.css") if footer else "")
    return Markup(css)  # noqa: S704 - the package's own stylesheets, no user text


def document_context(report: Report) -> dict[str, Any]:
    return {
        "report": report,
        "blocks": [(block_type(b), b) for b in report.blocks],
        "chart_svg": stacked_bar_svg,
    }


def render_standalone(report: Report, *, footer: bool = True) -> str:
    context = document_context(report) | {"css": print_css(footer=footer), "footer": footer}
    return render_to_string("reports/print.jinja", context)


def render_footers(report: Report, pages: int) -> str:
    """Blank pages carrying only the footers, to lay over a report laid out in parts."""
    css = print_css() + Markup(
        ".wb-stamp-page { page-break-after: always; height: 1px; }"
        ".wb-stamp-page:last-child { page-break-after: auto; }"
    )
    context = {"report": report, "css": css, "footer": True, "stamp_only": True}
    return render_to_string("reports/print.jinja", context | {"stamp_pages": pages})


def render_html(report: Report) -> bytes:
    return render_standalone(report).encode("utf-8")


def render_page(report: Report, request: HttpRequest, extra: dict[str, Any]) -> str:
    context = document_context(report) | extra
    return render_to_string("reports/report.jinja", context, request=request)
