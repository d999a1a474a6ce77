"""The plan sheet's confirm step re-checks the plan: an edit made between preview and
confirm is never overwritten (issue #12, item 4)."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

from tests.imports.test_views import _client, _strategy_for, _upload
from wellboard.core.spreadsheet_roundtrip import HEADERS
from wellboard.imports.models import ImportRun
from wellboard.strategy.models import Action

pytestmark = pytest.mark.django_db


def test_an_edit_between_preview_and_confirm_stops_the_import() -> None:
    client = _client()
    strategy = _strategy_for(client)
    download = client.get(reverse("imports:export_sheet", args=[strategy.pk]))
    book = openpyxl.load_workbook(io.BytesIO(download.content))
    title_column = HEADERS.index("Action") + 1
    book.worksheets[0].cell(row=3, column=title_column).value = "Title from the sheet"
    out = io.BytesIO()
    book.save(out)
    _upload(client, "plan.xlsx", out.getvalue(), target=str(strategy.pk))
    run = ImportRun.objects.order_by("-id").first()
    assert run is not None
    action = Action.objects.get(ref="1.1.2")
    action.title = "Title edited in the app meanwhile"
    action.save()
    response = client.post(reverse("imports:confirm", args=[run.pk]), follow=True)
    page = response.content.decode()
    assert "was edited after the preview (title)" in page and "Nothing was saved" in page
    action.refresh_from_db()
    assert action.title == "Title edited in the app meanwhile"
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PARSED


def test_without_an_edit_in_between_the_sheet_applies() -> None:
    client = _client()
    strategy = _strategy_for(client)
    download = client.get(reverse("imports:export_sheet", args=[strategy.pk]))
    book = openpyxl.load_workbook(io.BytesIO(download.content))
    book.worksheets[0].cell(row=3, column=HEADERS.index("Action") + 1).value = "From the sheet"
    out = io.BytesIO()
    book.save(out)
    _upload(client, "plan.xlsx", out.getvalue(), target=str(strategy.pk))
    run = ImportRun.objects.order_by("-id").first()
    assert run is not None
    client.post(reverse("imports:confirm", args=[run.pk]))
    assert Action.objects.get(ref="1.1.2").title == "From the sheet"
