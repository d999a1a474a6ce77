"""Confirming a very large import runs as a background task with progress (issue #12.10).

"Very large" is WELLBOARD_IMPORT_BACKGROUND_ACTIONS; the tests lower it so that the
three-action plan of the other import tests counts as large. Up to the setting the load
stays in the request, as before.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.imports.conftest import PLAN_CSV
from tests.imports.test_views import _client, _sheet_run, _strategy_for, _text, _upload
from wellboard.imports.models import ImportRun
from wellboard.strategy.models import Action, Strategy
from wellboard.tasks.models import BackgroundTask
from wellboard.tasks.worker import run_pending

pytestmark = pytest.mark.django_db


def _parsed(client: Any) -> ImportRun:
    response = _upload(client, "tarnside-plan.csv", PLAN_CSV)
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert (run.status, run.actions) == (ImportRun.Status.PARSED, 3)
    return run


def test_an_import_up_to_the_setting_is_loaded_in_the_request(settings: Any) -> None:
    settings.WELLBOARD_IMPORT_BACKGROUND_ACTIONS = 3
    client = _client()
    run = _parsed(client)
    response = client.post(reverse("imports:confirm", args=[run.pk]))
    strategy = Strategy.objects.get()
    assert response["Location"] == strategy.get_absolute_url()
    assert not BackgroundTask.objects.exists()
    assert Action.objects.count() == 3


def test_a_larger_import_is_loaded_by_a_task_with_a_progress_page(settings: Any) -> None:
    settings.WELLBOARD_IMPORT_BACKGROUND_ACTIONS = 2
    client = _client()
    run = _parsed(client)
    response = client.post(reverse("imports:confirm", args=[run.pk]))
    job = BackgroundTask.objects.get()
    assert response["Location"] == reverse("tasks:status", args=[job.pk])
    run.refresh_from_db()
    assert (run.status, run.task_id) == (ImportRun.Status.APPLYING, job.pk)
    assert not Strategy.objects.exists()  # nothing loaded in the request
    preview = _text(client.get(reverse("imports:preview", args=[run.pk])))
    assert "Being imported: see the import's progress" in preview

    again = client.post(reverse("imports:confirm", args=[run.pk]), follow=True)
    assert "already been confirmed or discarded" in again.content.decode()
    assert BackgroundTask.objects.count() == 1  # a double click queues nothing more
    kept = client.post(reverse("imports:discard", args=[run.pk]), follow=True)
    assert "is being imported or was imported: not discarded" in kept.content.decode()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.APPLYING

    assert run_pending() == 1
    strategy = Strategy.objects.get()
    assert Action.objects.in_strategy(strategy).count() == 3
    run.refresh_from_db()
    assert (run.status, run.result_strategy, run.source) == ("applied", strategy, None)
    page = _text(client.get(response["Location"]))
    assert f"Imported tarnside-plan.csv into {strategy.title}." in page
    assert f"Back to {strategy.title}" in page


def test_a_failed_background_load_shows_why_and_saves_nothing(settings: Any) -> None:
    client = _client()
    strategy = _strategy_for(client)
    run = _sheet_run(client, strategy, "From the sheet")
    settings.WELLBOARD_IMPORT_BACKGROUND_ACTIONS = 0
    response = client.post(reverse("imports:confirm", args=[run.pk]))
    job = BackgroundTask.objects.get()
    assert response["Location"] == reverse("tasks:status", args=[job.pk])
    action = Action.objects.get(ref="1.1.2")
    action.title = "Edited in the app while the task waited"
    action.save()

    assert run_pending() == 1
    page = _text(client.get(response["Location"]))
    assert "Failed" in page
    assert "plan.xlsx:" in page and "was edited after the preview (title)" in page
    assert "Nothing was saved." in page
    action.refresh_from_db()
    assert action.title == "Edited in the app while the task waited"
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PARSED  # can be checked and confirmed again


def test_a_plan_edited_before_the_task_runs_is_not_overwritten(settings: Any) -> None:
    client = _client()
    strategy = _strategy_for(client)
    _upload(client, "tarnside-plan.csv", PLAN_CSV.replace("six clubs", "eight clubs"),
            target=str(strategy.pk))  # fmt: skip
    run = ImportRun.objects.order_by("-id").first()
    assert run is not None and run.status == ImportRun.Status.PARSED
    preview = client.get(reverse("imports:preview", args=[run.pk])).content.decode()
    state = preview.split('name="plan_state" value="')[1].split('"')[0]
    settings.WELLBOARD_IMPORT_BACKGROUND_ACTIONS = 1
    client.post(reverse("imports:confirm", args=[run.pk]), {"plan_state": state})
    action = Action.objects.in_strategy(strategy).first()
    assert action is not None
    action.title = "Edited while the import waited"
    action.save()
    assert run_pending() == 1
    job = BackgroundTask.objects.get(pk=ImportRun.objects.get(pk=run.pk).task_id)
    assert "the plan was edited after this preview" in job.message
    action.refresh_from_db()
    assert action.title == "Edited while the import waited"
