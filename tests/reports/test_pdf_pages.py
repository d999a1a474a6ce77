"""The PDF is laid out in one pass and numbered by WeasyPrint's own page counters."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.reports.conftest import demo_actions, rendered
from wellboard.reports.build import RenderedReport
from wellboard.reports.renderers.html_renderer import render_standalone
from wellboard.strategy.models import Strategy

pytestmark = pytest.mark.django_db


def test_every_page_footer_says_page_n_of_m_and_names_the_report(
    demo: Strategy, delivery_pdf: RenderedReport
) -> None:
    result = delivery_pdf
    reader = PdfReader(io.BytesIO(result.content))
    total = len(reader.pages)
    assert total > 1  # the demo plan runs over several pages, so M is really counted
    texts = [page.extract_text() for page in reader.pages]
    for number, text in enumerate(texts, start=1):
        footer = re.findall(r"Page (\d+) of (\d+)", text)
        assert footer == [(str(number), str(total))], (number, footer)
        assert result.report.title in re.sub(r"\s+", " ", text)
    joined = re.sub(r"\s+", " ", " ".join(texts))
    for action in demo_actions(demo):
        assert re.search(rf"(^|\s){re.escape(action.ref)}\s", joined), action.ref


def test_cell_lines_stay_separate_lines_without_br_elements(
    demo: Strategy, delivery_pdf: RenderedReport
) -> None:
    report = rendered(demo, "delivery", "html").report
    html = render_standalone(report)
    assert "<br>" not in html and "white-space: pre-line" in html
    cells = [cell for table in report.tables("actions") for row in table.rows for cell in row]
    multi = next(c for c in cells if len(c.lines) > 2 and not c.status)
    text = PdfReader(io.BytesIO(delivery_pdf.content)).pages
    lines = [line.strip() for page in text for line in page.extract_text().splitlines()]
    # Each of the cell's lines starts a line of the PDF's text (wrapping may split it further).
    for line in multi.lines:
        assert any(line.startswith(pdf_line) and pdf_line for pdf_line in lines), line


def test_every_page_with_action_rows_repeats_the_column_headers(
    demo: Strategy, delivery_pdf: RenderedReport
) -> None:
    """A table running onto the next page repeats its header row there, so a reader (or a
    screen reader reading a printed page) always knows which column is the status."""
    refs = {action.ref for action in demo_actions(demo)}
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(delivery_pdf.content)).pages]
    with_rows = [
        text for text in pages if refs & {line.split(" ")[0] for line in text.splitlines()}
    ]
    assert len(with_rows) > 3
    for text in with_rows:
        squashed = re.sub(r"\s+", " ", text)
        assert "Progress to date" in squashed and "Who responsible" in squashed, squashed[:200]
