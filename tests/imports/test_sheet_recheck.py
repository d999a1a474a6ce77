"""The plan sheet's confirm step re-checks the plan: an edit made between preview and
confirm is never overwritten (issue #12, item 4)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.imports.test_views import _client, _sheet_run, _strategy_for
from wellboard.imports.models import ImportRun
from wellboard.strategy.models import Action

pytestmark = pytest.mark.django_db


def test_an_edit_between_preview_and_confirm_stops_the_import() -> None:
    client = _client()
    strategy = _strategy_for(client)
    run = _sheet_run(client, strategy, "Title from the sheet")
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
    run = _sheet_run(client, strategy, "From the sheet")
    client.post(reverse("imports:confirm", args=[run.pk]))
    assert Action.objects.get(ref="1.1.2").title == "From the sheet"
