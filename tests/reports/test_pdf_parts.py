"""A large PDF is laid out in parts and numbered afterwards; it must read as one report."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.reports.conftest import demo_actions, rendered
from wellboard.reports.document import Cell, Heading, Paragraph, Table
from wellboard.reports.renderers import pdf_renderer
from wellboard.reports.renderers.pdf_renderer import row_count, split_blocks
from wellboard.strategy.models import Strategy


def table(rows: int) -> Table:
    return Table(columns=("A",), rows=tuple((Cell.of(str(i)),) for i in range(rows)))


def test_parts_start_at_top_level_headings_and_keep_every_block() -> None:
    blocks = [Paragraph("intro")]
    for n in range(6):
        blocks += [Heading(f"Theme {n}", 1), Heading("Priority", 2), table(10 + n)]
    parts = split_blocks(blocks, 2)
    assert len(parts) == 2
    assert [b for part in parts for b in part] == blocks
    assert isinstance(parts[1][0], Heading) and parts[1][0].level == 1
    assert abs(row_count(parts[0]) - row_count(parts[1])) <= 20


@pytest.mark.django_db
def test_a_report_in_parts_is_numbered_as_one(
    demo: Strategy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_renderer, "PARTS_ABOVE_ROWS", 10)
    monkeypatch.setattr(pdf_renderer, "worker_count", lambda: 2)
    reader = PdfReader(io.BytesIO(rendered(demo, "delivery", "pdf").content))
    total = len(reader.pages)
    texts = [page.extract_text() for page in reader.pages]
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {total}" in text
    assert texts[0].count("Delivery plan report") >= 1
    joined = re.sub(r"\s+", " ", " ".join(texts))
    for action in demo_actions(demo):
        assert re.search(rf"(^|\s){re.escape(action.ref)}\s", joined), action.ref
