"""Two people edit the same action at once: the second save is refused, not lost."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.delivery_world import World
from wellboard.strategy.models import Action

pytestmark = pytest.mark.django_db


def form_fields(html: str) -> dict[str, str]:
    """The hidden fields of the edit form as the browser would send them back."""
    return dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', html))


def test_second_of_two_concurrent_saves_is_refused_with_what_changed(world: World) -> None:
    action = world.own_action
    url = f"/actions/{action.pk}/edit/"
    admin, lead = Client(), Client()
    admin.force_login(world.admin)
    lead.force_login(world.lead)
    admin_form = form_fields(admin.get(url).content.decode())
    lead_form = form_fields(lead.get(url).content.decode())
    assert admin_form["version"] == lead_form["version"] == str(action.version)

    # The administrator's form holds every field of the action (the priority and weight
    # among them); the lead officer's only those leads may edit.
    admin_form |= {
        "priority": str(action.priority_id),
        "lead_officer": str(action.lead_officer_id),
        "weight": "1",
    }
    first = admin.post(
        url, {**admin_form, "title": "Admin's better title", "due_text": "March 2027"}
    )
    assert first.status_code == 302
    second = lead.post(url, {**lead_form, "title": "Lead's title", "due_text": "March 2027"})

    html = second.content.decode()
    assert second.status_code == 409
    assert "Someone else changed this action" in html
    assert "Admin&#x27;s better title" in html or "Admin's better title" in html
    saved = Action.objects.get(pk=action.pk)
    assert saved.title == "Admin's better title"
    assert saved.version == action.version + 1

    retry = form_fields(html)
    assert retry["version"] == str(saved.version)
    third = lead.post(
        url, {**retry, "title": "Lead's title, after reading", "due_text": "March 2027"}
    )
    assert third.status_code == 302
    assert Action.objects.get(pk=action.pk).title == "Lead's title, after reading"


def test_edit_parses_the_due_wording(client: Client, world: World) -> None:
    client.force_login(world.admin)
    url = f"/actions/{world.own_action.pk}/edit/"
    fields = form_fields(client.get(url).content.decode())
    fields |= {"priority": str(world.own_action.priority_id), "weight": "1"}
    client.post(url, {**fields, "title": "Same", "due_text": "2027/28"})
    saved = Action.objects.get(pk=world.own_action.pk)
    assert (saved.due_text, str(saved.due_end)) == ("2027/28", "2028-03-31")
