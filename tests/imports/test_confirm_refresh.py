"""Confirming an import refreshes the kept delivery once per plan, in the request, in the
background task and in `wellboard import`, and leaves it equal to the history (#17.1)."""

from __future__ import annotations

import io
from io import StringIO
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import PartnershipFactory
from tests.imports.conftest import PLAN_CSV
from tests.imports.test_views import _client, _strategy_for, _upload
from tests.strategy.current_checks import assert_current, counting
from tests.strategy.test_delivery_current import assert_same
from wellboard.core.spreadsheet_roundtrip import HEADERS
from wellboard.imports.models import ImportRun
from wellboard.strategy.models import Action, ProgressUpdate, Strategy
from wellboard.tasks.worker import run_pending

pytestmark = pytest.mark.django_db


def _all_current(refreshes: int) -> None:
    """One plan written, so one refresh; every action as its history says."""
    strategy = Strategy.objects.get()
    assert refreshes == 1
    assert ProgressUpdate.objects.exists()
    assert assert_current() == Action.objects.count() == 3
    assert strategy.main_plan is not None
    assert_same(strategy.main_plan)


def test_confirm_in_the_request(settings: Any) -> None:
    settings.WELLBOARD_IMPORT_BACKGROUND_ACTIONS = 3
    client = _client()
    _upload(client, "tarnside-plan.csv", PLAN_CSV)
    with counting() as counted:
        client.post(reverse("imports:confirm", args=[ImportRun.objects.get().pk]))
    _all_current(counted.refreshes)


def test_confirm_by_the_background_task(settings: Any) -> None:
    settings.WELLBOARD_IMPORT_BACKGROUND_ACTIONS = 2
    client = _client()
    _upload(client, "tarnside-plan.csv", PLAN_CSV)
    client.post(reverse("imports:confirm", args=[ImportRun.objects.get().pk]))
    assert not Strategy.objects.exists()
    with counting() as counted:
        assert run_pending() == 1
    _all_current(counted.refreshes)


def test_the_import_command(plan_csv: Path) -> None:
    PartnershipFactory()
    with counting() as counted:
        call_command("import", str(plan_csv), stdout=StringIO())
    _all_current(counted.refreshes)


def test_a_plan_sheet_with_new_statuses(settings: Any) -> None:
    settings.WELLBOARD_IMPORT_BACKGROUND_ACTIONS = 3
    client = _client()
    strategy = _strategy_for(client)
    download = client.get(reverse("imports:export_sheet", args=[strategy.pk]))
    book = openpyxl.load_workbook(io.BytesIO(download.content))
    sheet = book.worksheets[0]
    for row, status in ((2, "Off track"), (3, "Complete"), (4, "On track")):
        sheet.cell(row=row, column=HEADERS.index("Latest update") + 1).value = f"Now {status}"
        sheet.cell(row=row, column=HEADERS.index("Status") + 1).value = status
    out = io.BytesIO()
    book.save(out)
    _upload(client, "plan.xlsx", out.getvalue(), target=str(strategy.pk))
    run = ImportRun.objects.order_by("-id").first()
    assert run is not None and run.kind == "sheet"
    with counting() as counted:
        client.post(reverse("imports:confirm", args=[run.pk]))
    assert ProgressUpdate.objects.filter(text__startswith="Now ").count() == 3
    assert set(Action.objects.values_list("current_rag", flat=True)) == {"red", "complete", "green"}
    _all_current(counted.refreshes)
