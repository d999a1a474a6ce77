"""An action description of 100,000 characters is refused by both edit forms, with the limit
and its length, the text kept in the box, and nothing stored (issue #12.9)."""

from __future__ import annotations

from html import unescape
from typing import Any

import pytest
from django.forms import BaseForm
from django.test import Client

from tests.delivery_world import World
from wellboard.core.limits import LONG_TEXT
from wellboard.strategy.forms import ActionEditForm
from wellboard.strategy.models import Action
from wellboard.strategy.plan_forms import ActionForm

pytestmark = pytest.mark.django_db

HUGE = "Carers " + "x" * (100_000 - len("Carers "))


def posted(form: BaseForm) -> dict[str, Any]:
    """What the browser sends back for the form as drawn (its initial values)."""
    data: dict[str, Any] = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list | tuple):
            data[name] = [getattr(v, "pk", v) for v in value]
        elif value is not None:
            data[name] = getattr(value, "pk", value)
    return data


def refused(client: Client, action: Action, data: dict[str, Any]) -> str:
    before = Action.objects.get(pk=action.pk)
    response = client.post(f"/actions/{action.pk}/edit/", data)
    page = unescape(response.content.decode())
    assert response.status_code in (200, 400)
    assert f"at most {LONG_TEXT} characters (it has 100000)" in page
    assert HUGE in page  # kept in the box, not lost
    after = Action.objects.get(pk=action.pk)
    assert (after.description, after.version) == (before.description, before.version)
    return page


def test_the_lead_officers_edit_form_refuses_it(client: Client, world: World) -> None:
    client.force_login(world.lead)
    data = posted(ActionEditForm.for_action(world.own_action))
    refused(client, world.own_action, {**data, "description": HUGE})


def test_the_administrators_edit_form_refuses_it(client: Client, world: World) -> None:
    client.force_login(world.admin)
    form = ActionForm(instance=world.own_action, strategy=world.strategy)
    refused(client, world.own_action, {**posted(form), "description": HUGE})


def test_a_description_at_the_limit_is_saved(client: Client, world: World) -> None:
    client.force_login(world.lead)
    data = posted(ActionEditForm.for_action(world.own_action))
    response = client.post(
        f"/actions/{world.own_action.pk}/edit/", {**data, "description": "y" * LONG_TEXT}
    )
    assert response.status_code == 302
    assert Action.objects.get(pk=world.own_action.pk).description == "y" * LONG_TEXT
