"""Spreadsheets refuse a cell longer than Excel keeps instead of cutting it (#12.4)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from openpyxl import Workbook

from tests.reports.conftest import rendered
from wellboard.core.spreadsheet_cells import EXCEL_CELL_LIMIT, CellTooLong, fits_in_cell
from wellboard.reports.params import ReportError
from wellboard.strategy.models import Action, Strategy

LONG = "Walking groups in every ward. " * 1200  # 36,000 characters


def test_a_cell_longer_than_excel_keeps_is_refused_and_one_that_fits_is_kept() -> None:
    assert fits_in_cell("x" * EXCEL_CELL_LIMIT) == "x" * EXCEL_CELL_LIMIT
    with pytest.raises(CellTooLong, match="is 36,000 characters long"):
        fits_in_cell(LONG)
    # What fits_in_cell guards against: openpyxl cuts longer text without a word.
    sheet = Workbook().active
    assert sheet is not None
    assert len(sheet.cell(row=1, column=1, value=LONG).value) == EXCEL_CELL_LIMIT


@pytest.mark.django_db
def test_the_report_workbook_is_refused_not_cut(demo: Strategy) -> None:
    action = Action.objects.in_plan(demo.main_plan).first()
    assert action is not None
    action.title = LONG
    action.save()
    with pytest.raises(ReportError, match="more than the 32,767 an Excel cell keeps"):
        rendered(demo, "delivery", "xlsx", as_of=timezone.localdate())
    word = rendered(demo, "delivery", "docx", as_of=timezone.localdate())
    assert len(word.content) > 0


@pytest.mark.django_db
def test_the_plan_sheet_is_refused_on_the_command_line(demo: Strategy, tmp_path: Path) -> None:
    action = Action.objects.in_plan(demo.main_plan).first()
    assert action is not None
    action.outcome_measures = LONG
    action.save()
    out = tmp_path / "plan.xlsx"
    with pytest.raises(CommandError, match="cannot be written") as refused:
        call_command("export_plan", str(demo.pk), "-o", str(out))
    assert refused.value.returncode == 2 and not out.exists()
    action.outcome_measures = "Fewer smokers"
    action.save()
    call_command("export_plan", str(demo.pk), "-o", str(out))
    assert openpyxl.load_workbook(io.BytesIO(out.read_bytes())).worksheets
