"""One set of status words on every page, report and export (issue #11.7).

"On track (green)", "At risk (amber)", "Off track (red)", "Complete", "Not started" and
"Overdue": never a bare "Green"/"Amber"/"Red" as a status, nor "RAG" as the name of one.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.reports.conftest import rendered
from wellboard.core.delivery import STATUS_WORDS
from wellboard.strategy.models import Action, DeliveryStatus, Rag, Strategy

pytestmark = pytest.mark.django_db

BARE_COLOUR = re.compile(r"(Green|Amber|Red|GREEN|AMBER|RED)( \N{EN DASH}.*)?")
STATUS_TAG = re.compile(r'<strong class="wb-rag wb-rag--[a-z_]+">([^<]*)</strong>')
WORD_RUN = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
ALL_WORDS = set(STATUS_WORDS.values())


def main_text(html: str) -> str:
    """The page's visible words between <main> tags, without markup."""
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_the_choices_use_the_vocabulary() -> None:
    assert {label for _, label in Rag.choices} <= ALL_WORDS
    assert {label for _, label in DeliveryStatus.choices} == ALL_WORDS
    assert STATUS_WORDS["amber"] == "At risk (amber)"


def test_the_pattern_finds_bare_colours() -> None:
    assert BARE_COLOUR.fullmatch("Green")
    assert BARE_COLOUR.fullmatch("Red \N{EN DASH} off track")
    assert not BARE_COLOUR.fullmatch("On track (green)")
    assert not BARE_COLOUR.fullmatch("Green Gyms in every district")


def test_every_delivery_page_speaks_the_same_words(demo: Strategy) -> None:
    client = Client()
    client.force_login(User.objects.get(username="lead1"))
    action = Action.objects.in_strategy(demo).filter(updates__isnull=False).first()
    assert action is not None
    pages = [
        "/",
        reverse("strategy:overview", args=[demo.pk]),
        reverse("strategy:theme", args=[action.priority.theme_id]),
        reverse("strategy:priority", args=[action.priority_id]),
        reverse("strategy:action", args=[action.pk]),
        reverse("strategy:actions"),
        reverse("strategy:my_actions"),
        reverse("strategy:public", args=[demo.pk]),
        reverse("strategy:public_theme", args=[action.priority.theme_id]),
        reverse("reports:report", args=[demo.pk, "delivery"]),
    ]
    seen: set[str] = set()
    for path in pages:
        html = client.get(path).content.decode()
        tags = set(STATUS_TAG.findall(html))
        assert tags <= ALL_WORDS, (path, tags - ALL_WORDS)
        text = main_text(html)
        assert "RAG" not in text, path
        seen |= {words for words in ALL_WORDS if words in text}
    assert {"On track (green)", "At risk (amber)", "Off track (red)", "Complete"} <= seen


def test_the_action_csv_uses_the_words(demo: Strategy) -> None:
    client = Client()
    client.force_login(User.objects.get(username="board1"))
    body = client.get("/actions/?format=csv").getvalue().decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert {r["status"] for r in rows} <= ALL_WORDS
    assert {r["suggested status"] for r in rows} <= ALL_WORDS | {""}
    assert "On track (green)" in {r["status"] for r in rows}


def test_reports_in_word_and_excel_use_the_words(demo: Strategy) -> None:
    docx = rendered(demo, "delivery", "docx").content
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        document = archive.read("word/document.xml").decode()
    runs = WORD_RUN.findall(document)
    coloured = {"On track (green)", "At risk (amber)", "Off track (red)"}
    assert len(coloured & set(runs)) >= 2, "the report's status cells use the words"
    assert [run for run in runs if BARE_COLOUR.fullmatch(run)] == []
    workbook = load_workbook(io.BytesIO(rendered(demo, "delivery", "xlsx").content))
    cells = {
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value
    }
    assert any(value.startswith("At risk (amber)") for value in cells)
    assert [v for v in cells if BARE_COLOUR.fullmatch(v.split("\n")[0])] == []
