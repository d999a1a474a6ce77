"""An action's milestones and their dates, read through the API (set through its
`milestones` text, as on the edit page)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.api.helpers import call, token_for
from tests.delivery_world import World
from wellboard.strategy.models import Milestone
from wellboard.strategy.plan_editing import set_milestones

pytestmark = pytest.mark.django_db


def test_each_milestone_comes_with_its_due_wording_due_date_and_done_date(world: World) -> None:
    action = world.own_action
    set_milestones(action, [("Venue booked", "March 2027"), ("Evaluation", "")])
    Milestone.objects.filter(action=action, title="Venue booked").update(
        done_on=dt.date(2027, 2, 14)
    )
    token = token_for(world.board, world.strategy.partnership)
    alone = call("GET", f"/api/v1/actions/{action.pk}/", token).json()
    listed = call("GET", f"/api/v1/actions/?strategy={world.strategy.pk}", token).json()
    in_list = next(row for row in listed["results"] if row["id"] == action.pk)
    expected = [
        ("Venue booked", "March 2027", "2027-03-31", "2027-02-14"),
        ("Evaluation", "", None, None),
    ]
    for body in (alone, in_list):
        got = [(m["title"], m["due_text"], m["due_end"], m["done_on"]) for m in body["milestones"]]
        assert got == expected


def test_milestones_are_read_only_and_set_through_the_milestones_text(world: World) -> None:
    action = world.own_action
    token = token_for(world.admin, world.strategy.partnership)
    url = f"/api/v1/actions/{action.pk}/"
    version = call("GET", url, token).json()["version"]
    edited = call(
        "PATCH",
        url,
        token,
        {"milestones": "Pilot starts | Q1 2027/28", "title": action.title},
        **{"If-Match": f'"{version}"'},
    )
    assert edited.status_code == 200, edited.json()
    assert [(m["title"], m["due_end"]) for m in edited.json()["milestones"]] == [
        ("Pilot starts", "2027-06-30")
    ]
    schemas = call("GET", "/api/v1/schema/").json()["components"]["schemas"]
    assert schemas["Action"]["properties"]["milestones"]["readOnly"] is True
    assert schemas["Milestone"]["properties"]["due_end"] == {
        "type": "string",
        "format": "date",
        "readOnly": True,
        "nullable": True,
    }
    assert schemas["PatchedActionEditInputRequest"]["properties"]["milestones"]["type"] == "string"
