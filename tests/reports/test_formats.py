"""Each format opened with its own reader: the content must survive the rendering."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import docx
import openpyxl
import pytest
from pypdf import PdfReader

from tests.reports.conftest import demo_actions, latest_text, rendered
from wellboard.reports.build import RenderedReport
from wellboard.reports.document import STATUS_COLOURS
from wellboard.strategy.models import Strategy, Theme

pytestmark = pytest.mark.django_db
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_docx_has_headings_tables_and_shaded_status_cells(demo: Strategy) -> None:
    document = docx.Document(io.BytesIO(rendered(demo, "delivery", "docx").content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    themes = Theme.objects.filter(plan=demo.main_plan)
    assert headings == [*(f"{t.ref} {t.title}".strip() for t in themes), "Abbreviations"]
    assert any(p.style.name == "Heading 2" for p in document.paragraphs)
    cells: dict[str, list[str]] = {}
    fills = set()
    for table in document.tables:
        for row in table.rows:
            texts = [c.text for c in row.cells]
            if len(texts) == 8:  # an action's row: its title, then any good practice lines
                cells[texts[1].split("\n")[0]] = texts
            for cell in row.cells:
                for shading in cell._tc.iter(f"{W_NS}shd"):
                    fills.add(shading.get(f"{W_NS}fill"))
    for action in demo_actions(demo):
        assert action.title in cells
        if latest := latest_text(action):
            assert latest in cells[action.title][5]
    assert {STATUS_COLOURS["complete"][0], STATUS_COLOURS["overdue"][0]} <= fills


def test_xlsx_has_one_filtered_row_per_action_with_fills(demo: Strategy) -> None:
    book = openpyxl.load_workbook(io.BytesIO(rendered(demo, "delivery", "xlsx").content))
    assert book.sheetnames[0] == "Summary"
    sheet = book["Actions"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Theme", "Priority", "No."]
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{sheet.max_row}"
    actions = demo_actions(demo)
    assert sheet.max_row - 1 == len(actions)
    # The title cell's first line; a line for each linked good practice example follows.
    by_title = {row[3].value.split("\n")[0]: row for row in sheet.iter_rows(min_row=2)}
    status_col = header.index("Status")
    fills = set()
    for action in actions:
        row = by_title[action.title]
        if latest := latest_text(action):
            assert latest in row[header.index("Progress to date")].value
        fills.add(row[status_col].fill.fgColor.rgb[-6:])
    assert {STATUS_COLOURS["complete"][0], STATUS_COLOURS["overdue"][0]} <= fills


def test_html_has_every_action_and_rag_classes(demo: Strategy) -> None:
    html = rendered(demo, "delivery", "html").content.decode()
    text = squash(unescape(html))
    for action in demo_actions(demo):
        assert squash(action.title) in text
        if latest := latest_text(action):
            assert squash(latest) in text
    for status in ("complete", "overdue", "green"):
        assert f'class="wb-rag-cell wb-rag--{status}"' in html
    assert ".wb-rag--overdue { background: #6b140e" in html
    assert "<h2" in html and "<h3" in html


def test_pdf_text_has_every_action_reference(
    demo: Strategy, delivery_pdf: RenderedReport, tmp_path: Path
) -> None:
    pdf = delivery_pdf.content
    reader = PdfReader(io.BytesIO(pdf))
    text = squash(" ".join(page.extract_text() for page in reader.pages))
    assert len(reader.pages) > 3
    for theme in Theme.objects.filter(plan=demo.main_plan):
        assert squash(theme.title) in text
    for action in demo_actions(demo):
        assert re.search(rf"(^|\s){re.escape(action.ref)}\s", text), action.ref
    assert "Overdue" in text and "Complete" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pdf_first_page_renders_to_png(
    demo: Strategy, delivery_pdf: RenderedReport, tmp_path: Path
) -> None:
    pdf_path = tmp_path / "delivery.pdf"
    pdf_path.write_bytes(delivery_pdf.content)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf_path), str(tmp_path / "p")],
        check=True,
    )
    pages = list(tmp_path.glob("p-*.png"))
    assert len(pages) == 1
    png = pages[0].read_bytes()
    assert png.startswith(b"\x89PNG")
    assert len(png) > 20_000  # a page of tables and colour, not a blank sheet
