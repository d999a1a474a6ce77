"""A lead officer's change to a due date waits in the approvals queue; accepting it from
the queue makes it, in one step (issue #11, items 3 and 6)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.delivery_world import World
from wellboard.strategy.models import ProposedChange

pytestmark = pytest.mark.django_db


def _propose(client: Client, world: World, due_text: str) -> ProposedChange:
    world.strategy.requires_approval = True
    world.strategy.save()
    action = world.own_action
    client.force_login(world.lead)
    data: dict[str, Any] = {
        "title": action.title,
        "description": action.description,
        "outcome_measures": action.outcome_measures,
        "role_type": action.role_type.key if action.role_type else "",
        "due_text": due_text,
        "version": action.version,
    }
    data |= {f"original_{k}": v for k, v in data.items() if k != "version"}
    data["original_due_text"] = action.due_text
    assert client.post(f"/actions/{action.pk}/edit/", data).status_code == 302
    return ProposedChange.objects.get()


def test_accepting_a_change_from_the_queue_makes_it(client: Client, world: World) -> None:
    change = _propose(client, world, "March 2028")
    client.force_login(world.admin)
    queue = client.get("/approvals/").content.decode()
    assert "March 2028" in queue and f"/approvals/changes/{change.pk}/" in queue
    response = client.post(f"/approvals/changes/{change.pk}/", {f"c{change.pk}-decision": "accept"})
    assert response.status_code == 302
    world.own_action.refresh_from_db()
    assert world.own_action.due_text == "March 2028"
    assert str(world.own_action.due_end) == "2028-03-31"
    queue = client.get("/approvals/").content.decode()
    assert "March 2028" not in queue and "Accepted and made: the change to" in queue


def test_rejecting_needs_a_reason_and_leaves_the_action(client: Client, world: World) -> None:
    change = _propose(client, world, "March 2028")
    client.force_login(world.admin)
    url = f"/approvals/changes/{change.pk}/"
    refused = client.post(url, {f"c{change.pk}-decision": "reject"})
    assert refused.status_code == 400
    ok = client.post(url, {f"c{change.pk}-decision": "reject", f"c{change.pk}-reason": "No"})
    assert ok.status_code == 302
    assert "Rejected: the change to" in client.get("/approvals/").content.decode()
    change.refresh_from_db()
    world.own_action.refresh_from_db()
    assert change.status == ProposedChange.Status.REJECTED
    assert world.own_action.due_text == "Day 0"


def test_a_lead_officer_cannot_accept_their_own_change(client: Client, world: World) -> None:
    change = _propose(client, world, "March 2028")
    response = client.post(f"/approvals/changes/{change.pk}/", {f"c{change.pk}-decision": "accept"})
    assert response.status_code == 403
    world.own_action.refresh_from_db()
    assert world.own_action.due_text == "Day 0"
