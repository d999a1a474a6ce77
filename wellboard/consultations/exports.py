"""Every response of a consultation as CSV or Excel, one row per response and two columns
per question (the point on the scale, the comment), for analysis outside Wellboard.

Names, email addresses and equality answers are left out: analysis needs what was said,
not who said it, and a spreadsheet travels further than the database. Formula-like text
is neutralised by core/spreadsheet_cells (a respondent can type "=HYPERLINK(...)").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from django.utils import timezone
from openpyxl import Workbook

from wellboard.consultations.choices import Agreement, Moderation, RespondentType
from wellboard.consultations.models import Consultation, Question, Response
from wellboard.core.spreadsheet_cells import cells_that_fit, csv_cell, xlsx_sheet_text

FIXED = ("Response", "Submitted", "Respondent type", "Organisation", "Publication")


def _questions(consultation: Consultation) -> list[Question]:
    return list(consultation.questions.all())


def headers(questions: list[Question]) -> list[str]:
    columns = list(FIXED)
    for n, question in enumerate(questions, start=1):
        if question.asks_agreement:
            columns.append(f"Q{n} agreement: {question.text}")
        columns.append(f"Q{n} comment: {question.text}")
    return columns


def rows(consultation: Consultation, questions: list[Question]) -> Iterator[list[object]]:
    """One list per response, in the order they came."""
    responses = (
        Response.objects.filter(consultation=consultation)
        .prefetch_related("answers")
        .order_by("submitted_at", "pk")
    )
    types, moderation = dict(RespondentType.choices), dict(Moderation.choices)
    for response in responses:
        answers = {a.question_id: a for a in response.answers.all()}
        published = moderation[response.moderation] if response.consent_publish else ""
        row: list[object] = [
            response.pk,
            timezone.localtime(response.submitted_at).strftime("%Y-%m-%d %H:%M"),
            types.get(response.respondent_type, response.respondent_type),
            response.organisation_name,
            published or "Not agreed",
        ]
        for question in questions:
            answer = answers.get(question.pk)
            if question.asks_agreement:
                scale = answer.scale if answer else None
                row.append(Agreement(scale).label if scale else "")
            row.append(answer.comment if answer else "")
        yield row


def responses_csv(consultation: Consultation) -> bytes:
    questions = _questions(consultation)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([csv_cell(h) for h in headers(questions)])
    for row in rows(consultation, questions):
        writer.writerow([csv_cell(value) for value in row])
    # A byte-order mark, so Excel opens the file as UTF-8 (curly quotes, accents).
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def responses_xlsx(consultation: Consultation) -> bytes:
    """CellTooLong if a text will not fit in a cell (never cut silently)."""
    questions = _questions(consultation)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Responses"
    sheet.append(cells_that_fit(headers(questions)))
    for row in rows(consultation, questions):
        sheet.append(cells_that_fit(row))
    xlsx_sheet_text(sheet.iter_rows())
    sheet.freeze_panes = "B2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def filename(consultation: Consultation, extension: str) -> str:
    return f"consultation-{consultation.pk}-responses.{extension}"
