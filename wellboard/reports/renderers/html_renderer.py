"""The report as HTML: the web page's body and, wrapped with the print stylesheet, the
standalone document that the PDF renderer and `--format html` use.

The standalone document is written for WeasyPrint's layout cost: a table cell's lines are
newline-separated text (print.css sets `white-space: pre-line` on cells) instead of `<br>`
elements, and the template's indentation before block and table tags is removed, so the
PDF has fewer boxes to build and style. A browser shows the same document unchanged.
"""

from __future__ import annotations

import re
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


# Whitespace before these tags is never rendered (user text is escaped, so it holds no tags).
_INDENT_BEFORE_BLOCK = re.compile(
    r">\s+<(/?(?:article|header|h[1-6]|p|dl|div|ul|li|table|colgroup|col|thead|tbody|tr|th|td"
    r"|figure|figcaption|svg|body|html|head|meta|title|style)\b)"
)


# Column widths are classes (wb-w-0 ... wb-w-100) in the page, as the site's Content
# Security Policy forbids style attributes; the standalone file and the PDF need them too.
WIDTH_CLASSES = "".join(f".wb-w-{i}{{width:{i}%}}" for i in range(101))


def print_css() -> Markup:
    """The print stylesheet, the status colours (rag.css) and the width classes."""
    return Markup(stylesheet("print.css") + stylesheet("rag.css") + WIDTH_CLASSES)  # noqa: S704


def document_context(report: Report, *, plain_lines: bool = False) -> dict[str, Any]:
    return {
        "report": report,
        "blocks": [(block_type(b), b) for b in report.blocks],
        "chart_svg": stacked_bar_svg,
        "plain_lines": plain_lines,
    }


def render_standalone(report: Report) -> str:
    context = document_context(report, plain_lines=True) | {"css": print_css()}
    return _INDENT_BEFORE_BLOCK.sub(r"><\1", render_to_string("reports/print.jinja", context))


def render_html(report: Report) -> bytes:
    return render_standalone(report).encode("utf-8")


def render_page(report: Report, request: HttpRequest, extra: dict[str, Any]) -> str:
    context = document_context(report) | extra
    return render_to_string("reports/report.jinja", context, request=request)
