"""Report .xlsx downloads store a title that starts like a formula as text (issue #12.8)."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from django.utils import timezone

from tests.reports.conftest import rendered
from wellboard.core.spreadsheet_cells import FORMULA_STARTS
from wellboard.strategy.models import Action, Strategy

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["delivery", "annual", "exceptions"])
def test_report_xlsx_has_no_live_formula(demo: Strategy, kind: str) -> None:
    action = Action.objects.in_plan(demo.main_plan).first()
    assert action is not None
    action.title = '=HYPERLINK("http://evil.example","Open")'
    action.save()
    theme = action.priority.theme
    theme.title = "@SUM(1+1)"
    theme.save()
    data = rendered(demo, kind, "xlsx", as_of=timezone.localdate()).content
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in archive.read(name).decode(), name
    book = openpyxl.load_workbook(io.BytesIO(data))
    risky = [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value[:1] in FORMULA_STARTS
    ]
    assert risky, "the report should carry the formula-like text"
    for cell in risky:
        assert cell.data_type == "s" and cell.quotePrefix, cell.value
