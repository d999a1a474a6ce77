"""Dates that cannot freeze a status, and corrections from the form (issue #12, item 5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.delivery_world import World
from wellboard.strategy.delivery import action_queryset, action_state
from wellboard.strategy.models import Action, ProgressUpdate, UpdateReview

pytestmark = pytest.mark.django_db


def _post(client: Client, world: World, **fields: Any) -> Any:
    data = {
        "date": timezone.localdate().isoformat(),
        "rag": "green",
        "text": "Clinics open.",
        "percent_complete": "95",
    } | fields
    return client.post(f"/actions/{world.own_action.pk}/update/", data)


def _status(world: World) -> str:
    action = action_queryset().get(pk=world.own_action.pk)
    return action_state(action, timezone.localdate()).status


def test_an_update_dated_after_tomorrow_is_refused(client: Client, world: World) -> None:
    client.force_login(world.lead)
    before = ProgressUpdate.objects.count()
    far = timezone.localdate() + dt.timedelta(days=2)
    response = _post(client, world, date=far.isoformat(), rag="complete", percent_complete="100")
    assert response.status_code == 200
    assert "cannot be dated after" in response.content.decode()
    assert ProgressUpdate.objects.count() == before
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    assert _post(client, world, date=tomorrow.isoformat()).status_code == 302


def test_correct_this_update_supersedes_it(client: Client, world: World) -> None:
    client.force_login(world.lead)
    assert _post(client, world, rag="complete", percent_complete="100").status_code == 302
    wrong = ProgressUpdate.objects.order_by("-id").first()
    assert wrong is not None and _status(world) == "complete"
    page = client.get(f"/actions/{world.own_action.pk}/").content.decode()
    link = f"/actions/{world.own_action.pk}/update/?corrects={wrong.pk}"
    assert link in page.replace("&amp;", "&")
    form = client.get(link).content.decode()
    assert "Correct an update" in form and 'name="supersedes"' in form
    response = _post(client, world, supersedes=str(wrong.pk), text="Clinics open; not done yet.")
    assert response.status_code == 302
    correction = ProgressUpdate.objects.order_by("-id").first()
    assert correction is not None and correction.supersedes == wrong
    assert ProgressUpdate.objects.filter(pk=wrong.pk).exists()  # kept, never deleted
    assert _status(world) == "green"
    assert wrong not in ProgressUpdate.objects.counted()


def test_a_correction_awaiting_approval_does_not_hide_the_original(
    client: Client, world: World
) -> None:
    client.force_login(world.lead)
    _post(client, world, rag="complete", percent_complete="100")
    wrong = ProgressUpdate.objects.filter(action=world.own_action).order_by("-id")[0]
    world.strategy.requires_approval = True
    world.strategy.save()
    _post(client, world, supersedes=str(wrong.pk))
    assert UpdateReview.objects.get().decision == "pending"
    assert wrong in ProgressUpdate.objects.counted()


def test_an_update_of_another_action_cannot_be_corrected(client: Client, world: World) -> None:
    client.force_login(world.admin)
    other_update = world.other_action.updates.get()
    _post(client, world, supersedes=str(other_update.pk))
    latest = ProgressUpdate.objects.order_by("-id").first()
    assert latest is not None and latest.supersedes is None
    assert isinstance(world.own_action, Action)
