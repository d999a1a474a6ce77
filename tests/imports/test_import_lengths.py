"""Word, Excel and PDF plans with one 100,000-character action are refused in one line,
by `wellboard import` (dry run too) and by the upload page, and nothing is stored
(issue #12.9). One such action once made the delivery PDF fail for every member."""

from __future__ import annotations

import io
from html import unescape
from io import StringIO
from pathlib import Path
from typing import Any, cast

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from tests.core.parsing.fixtures.pdf_builders import table_html, write_pdf
from tests.factories import MembershipFactory
from tests.imports.conftest import DECIDIM_CSV
from tests.imports.test_views import _client, _strategy_for, _upload
from wellboard.accounts.models import Membership
from wellboard.core.limits import LONG_TEXT
from wellboard.core.spreadsheet_roundtrip import HEADERS
from wellboard.imports.models import ImportRun
from wellboard.strategy.models import Action, ProgressUpdate, Strategy

pytestmark = pytest.mark.django_db

HEADER = ["Theme", "Priority", "Action", "Lead organisation", "By when"]
FIRST = "Run family cooking clubs in every hub."
EXCEL_CELL_MAX = 32_767  # Excel's own limit on a cell: the longest an .xlsx can hold


def _long(length: int) -> str:
    words = " Carers and families meet weekly in the hub."
    return (FIRST + words * (length // len(words) + 1))[:length]


def _rows(length: int) -> list[list[str]]:
    return [
        ["Starting well", "Fewer children overweight", _long(length), "TMBC", "Mar-26"],
        ["Starting well", "Fewer children overweight", "Measure every child", "TMBC", "Mar-26"],
    ]


def _docx(folder: Path) -> Path:
    document = docx.Document()
    table = document.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    for row in _rows(100_000):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.save(str(folder / "plan.docx"))
    return folder / "plan.docx"


def _xlsx(folder: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = cast(Any, book.active)
    sheet.append(HEADER)
    for row in _rows(EXCEL_CELL_MAX):
        sheet.append(row)
    book.save(folder / "plan.xlsx")
    return folder / "plan.xlsx"


def _pdf(folder: Path) -> Path:
    # 40,000 characters run over a dozen pages; drawing 100,000 takes WeasyPrint ~10 s
    # and refuses the same way.
    body = "<h1>Tarnside delivery plan</h1>" + table_html(HEADER, _rows(40_000))
    return write_pdf(folder / "plan.pdf", body, landscape=True, split_rows=True)


BUILDERS = {"docx": _docx, "xlsx": _xlsx, "pdf": _pdf}


@pytest.fixture(scope="module", params=list(BUILDERS))
def plan_file(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return BUILDERS[request.param](tmp_path_factory.mktemp(request.param))


def _says_why(message: str) -> None:
    assert "\n" not in message
    assert "description" in message and f"use at most {LONG_TEXT} characters" in message
    assert FIRST.rstrip(".") in message  # names the action


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "import"])
def test_the_command_refuses_it_in_one_line(plan_file: Path, dry_run: bool) -> None:
    options = ["--dry-run"] if dry_run else ["--new-partnership", "Tarnside"]
    with pytest.raises(CommandError) as caught:
        call_command("import", str(plan_file), *options, stdout=StringIO())
    assert caught.value.returncode == 2
    _says_why(str(caught.value))
    assert (Strategy.objects.count(), Action.objects.count()) == (0, 0)


def test_the_upload_page_says_why_and_keeps_nothing(plan_file: Path) -> None:
    membership = cast(Any, MembershipFactory(role=Membership.Role.ADMINISTRATOR))
    client = Client()
    client.force_login(membership.user)
    upload = SimpleUploadedFile(plan_file.name, plan_file.read_bytes())
    response = client.post(reverse("imports:upload"), {"file": upload, "target": "new"})
    if response.status_code == 302:  # a spreadsheet: its run page, offering a column mapping
        response = client.get(response["Location"])
    page = unescape(response.content.decode())
    assert reverse("imports:confirm", args=[ImportRun.objects.get().pk]) not in page
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and run.document is None
    _says_why(run.error)
    assert f"use at most {LONG_TEXT} characters" in page
    assert (Strategy.objects.count(), Action.objects.count()) == (0, 0)


def test_a_decidim_result_of_100000_characters_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    long = '"' + _long(100_000) + '"'
    path.write_text(DECIDIM_CSV.replace("Map safe routes,,", f"Map safe routes,{long},"))
    with pytest.raises(CommandError) as caught:
        call_command("import", str(path), "--dry-run", stdout=StringIO())
    assert caught.value.returncode == 2
    assert "\n" not in str(caught.value) and "(Map safe routes)" in str(caught.value)
    assert f"use at most {LONG_TEXT} characters" in str(caught.value)


@pytest.mark.parametrize(
    ("column", "limit"), [("Outcome measures", LONG_TEXT), ("Latest update", LONG_TEXT)]
)
def test_a_plan_sheet_cell_longer_than_its_limit_is_refused(column: str, limit: int) -> None:
    """The plan sheet is applied field by field, not through the loader: checked at reading."""
    client = _client()
    strategy = _strategy_for(client)
    download = client.get(reverse("imports:export_sheet", args=[strategy.pk]))
    book = openpyxl.load_workbook(io.BytesIO(download.content))
    book.worksheets[0].cell(row=3, column=HEADERS.index(column) + 1).value = _long(20_000)
    out = io.BytesIO()
    book.save(out)
    before = list(Action.objects.values_list("outcome_measures", flat=True).order_by("pk"))
    updates = ProgressUpdate.objects.count()
    response = _upload(client, "plan.xlsx", out.getvalue(), target=str(strategy.pk))
    page = unescape(response.content.decode())
    assert response.status_code == 400
    assert f"20000 characters: use at most {limit} characters" in page
    assert "action 1.1.2" in page
    after = list(Action.objects.values_list("outcome_measures", flat=True).order_by("pk"))
    assert (after, ProgressUpdate.objects.count()) == (before, updates)
