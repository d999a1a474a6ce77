"""A consultation from opening to the summary report, with 220 generated responses: the
themes command, the "you said, we did" table against a revised version, the summary as
Word (read back with python-docx) and PDF (read back with pdfplumber), and the exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pdfplumber
import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from tests.consultations.analysis_world import FORMULA, SECRET, consultation_world
from wellboard.consultations import analysis, exports
from wellboard.consultations.choices import Moderation
from wellboard.consultations.models import Answer, Consultation, Response
from wellboard.consultations.services import Submission, moderate, set_status, submit_response
from wellboard.consultations.you_said import add_row, you_said_rows
from wellboard.strategy.versions import save_version

pytestmark = pytest.mark.django_db
RESPONSES = 220


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("consultation", *args, stdout=out)
    return out.getvalue()


def docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_from_opening_to_summary_report(tmp_path: Path) -> None:
    world = consultation_world(RESPONSES)
    consultation = world.consultation
    first = world.priorities[0]
    secret = submit_response(
        consultation,
        Submission(
            respondent_type="resident",
            answers={consultation.questions.first().pk: (1, SECRET)},  # type: ignore[union-attr]
        ),
    )
    for response in Response.objects.filter(consultation=consultation, consent_publish=True):
        moderate(response, True, response.redacted_text(), world.admin)
    set_status(consultation, Consultation.Status.CLOSED)

    # The board revises the first priority and keeps the revised text as a version.
    first.description += " Young people will get help while they wait."
    first.save()
    revised = save_version(consultation.strategy, label="Revised")
    key = f"theme:{first.theme.ref or 1}:priority:{first.ref or 1}:description"
    add_row(
        consultation,
        you_said="Young people wait too long for help.",
        we_did="Added help while they wait.",
        strategy_version=revised,
        section=key,
    )
    rows = you_said_rows(consultation)
    assert rows[0].change is not None and rows[0].change.changed
    assert ("inserted", "Young people will get help while they wait.") in rows[0].change.new

    printed = json.loads(run("themes", str(consultation.pk), "--json", "--engine", "tfidf"))
    comments = Answer.objects.filter(response__consultation=consultation).exclude(comment="")
    assert printed["engine"] == "tfidf"
    assert printed["comments"] == comments.count()
    assert sum(t["size"] for t in printed["themes"]) == comments.count()
    assert len(printed["themes"]) >= 3

    numbers = analysis.counts(consultation)
    assert numbers.responses == RESPONSES + 1
    word, pdf = tmp_path / "summary.docx", tmp_path / "summary.pdf"
    assert "Wrote the summary" in run(
        "summary", str(consultation.pk), "--format", "docx", "--out", str(word)
    )
    run("summary", str(consultation.pk), "--format", "pdf", "--out", str(pdf))
    for text in (docx_text(word), pdf_text(pdf)):
        flat = " ".join(text.split())
        assert f"Consultation summary: {consultation.title}" in flat
        assert f"{RESPONSES + 1} responses" in flat
        for priority in world.priorities:
            assert priority.title in flat
        for theme in printed["themes"]:
            assert theme["label"] in flat
        assert "Young people wait too long for help." in flat
        assert "Added help while they wait." in flat
        assert "Alan Smith" not in flat and "07700" not in flat
        assert "“" in flat  # published respondents are quoted
    quoted = [q for t in printed["themes"] for q in t["quotes"] if q != " ".join(SECRET.split())]
    assert quoted
    assert secret.moderation == Moderation.PENDING


def test_exports_carry_every_response_and_neutralise_formulas() -> None:
    world = consultation_world(25)
    consultation = world.consultation
    submit_response(
        consultation,
        Submission(
            respondent_type="organisation",
            organisation_name="@SUM(A1:A9)",
            answers={consultation.questions.first().pk: (5, FORMULA)},  # type: ignore[union-attr]
        ),
    )
    text = exports.responses_csv(consultation).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert len(table) == 1 + 26
    assert table[0][:5] == list(exports.FIXED)
    last = table[-1]
    assert "'" + FORMULA in last and "'@SUM(A1:A9)" in last
    assert "Strongly agree" in last

    book = load_workbook(io.BytesIO(exports.responses_xlsx(consultation)))
    sheet = book["Responses"]
    assert sheet.max_row == 1 + 26
    cells = [c for c in sheet[sheet.max_row] if c.value == FORMULA]
    assert cells and cells[0].data_type == "s" and cells[0].quotePrefix


def test_unknown_consultation_or_bad_output_is_one_line_with_status_2(tmp_path: Path) -> None:
    world = consultation_world(3)
    for args in (
        ("themes", "999999", "--json"),
        ("themes", "abc"),
        ("summary", str(world.consultation.pk), "--format", "docx"),
        ("summary", str(world.consultation.pk), "--format", "pdf", "--out", "/no/such/x.pdf"),
    ):
        with pytest.raises(CommandError) as raised:
            run(*args)
        assert raised.value.returncode == 2
        assert "\n" not in str(raised.value)
    assert not list(tmp_path.iterdir())


def test_themes_are_kept_and_go_out_of_date_when_a_response_comes_in() -> None:
    world = consultation_world(30)
    consultation = world.consultation
    assert analysis.stored_themes(consultation) is None
    analysis.refresh_themes(consultation, "tfidf")
    kept = analysis.stored_themes(consultation)
    assert kept is not None and kept.current
    assert analysis.current_themes(consultation) == kept.themes
    submit_response(
        consultation,
        Submission(
            respondent_type="resident",
            answers={consultation.questions.first().pk: (4, "More buses please.")},  # type: ignore[union-attr]
        ),
    )
    stale = analysis.stored_themes(consultation)
    assert stale is not None and not stale.current
