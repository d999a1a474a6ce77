"""Writes through the API meet the same checks and leave the same records as the pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.api.helpers import call, is_problem, token_for
from tests.delivery_world import World
from wellboard.history.models import ChangeRecord
from wellboard.strategy.models import Action, ProgressUpdate, ProposedChange, Strategy, UpdateReview

pytestmark = pytest.mark.django_db


def _updates_url(action: Action) -> str:
    return f"/api/v1/actions/{action.pk}/updates/"


def _update(**given: object) -> dict[str, object]:
    return {"date": timezone.localdate().isoformat(), "rag": "green", "text": "On track", **given}


def test_a_lead_officers_update_is_recorded_as_theirs(world: World) -> None:
    token = token_for(world.lead, world.strategy.partnership)
    given = _update(percent_complete=60, override_reason="The venue opened early")
    response = call("POST", _updates_url(world.own_action), token, given)
    assert response.status_code == 201, response.content
    update = ProgressUpdate.objects.get(pk=response.json()["id"])
    assert (update.author, update.text, update.percent_complete) == (world.lead, "On track", 60)
    # The calendar suggested another status, kept with the reason, as the page keeps them.
    assert (update.suggested_rag, update.override_reason) == ("red", "The venue opened early")
    assert response["Location"] == f"/api/v1/updates/{update.pk}/"


def test_an_update_waits_for_review_when_the_strategy_requires_approval(world: World) -> None:
    Strategy.objects.filter(pk=world.strategy.pk).update(requires_approval=True)
    token = token_for(world.lead, world.strategy.partnership)
    response = call("POST", _updates_url(world.own_action), token, _update(override_reason="Ahead"))
    assert response.status_code == 201, response.content
    assert response.json()["review"] == "pending"
    assert UpdateReview.objects.filter(update_id=response.json()["id"], decision="pending").exists()


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"rag": "red"}, "override_reason"),  # off track needs a reason, as on the page
        ({"date": (timezone.localdate() + dt.timedelta(days=9)).isoformat()}, "date"),
        ({"text": ""}, "text"),
        ({"rag": "purple"}, "rag"),
        ({"percent_complete": 101}, "percent_complete"),
        ({"supersedes": 999999}, "supersedes"),
    ],
)
def test_a_refused_update_is_a_problem_naming_the_field(
    world: World, given: dict[str, object], field: str
) -> None:
    token = token_for(world.admin, world.strategy.partnership)
    before = ProgressUpdate.objects.count()
    response = call("POST", _updates_url(world.own_action), token, _update(**given))
    assert is_problem(response, 400)
    assert field in response.json()["errors"]
    assert ProgressUpdate.objects.count() == before


def test_a_locked_period_refuses_an_update(world: World) -> None:
    Strategy.objects.filter(pk=world.strategy.pk).update(locked_through=timezone.localdate())
    token = token_for(world.admin, world.strategy.partnership)
    response = call("POST", _updates_url(world.own_action), token, _update())
    assert is_problem(response, 400)
    assert "locked" in response.json()["detail"]


def test_a_lead_officer_cannot_update_an_action_they_do_not_lead(world: World) -> None:
    token = token_for(world.lead, world.strategy.partnership)
    assert is_problem(call("POST", _updates_url(world.other_action), token, _update()), 403)
    stranger = token_for(
        world.stranger, world.foreign_action.priority.theme.plan.strategy.partnership
    )
    assert is_problem(call("POST", _updates_url(world.own_action), stranger, _update()), 404)


def _edit(action: Action, token: str, body: dict[str, object], version: object = None) -> object:
    headers = {} if version is None else {"If-Match": f'"{version}"'}
    return call("PATCH", f"/api/v1/actions/{action.pk}/", token, body, **headers)


def test_an_edit_with_the_current_version_saves_and_is_in_the_history(world: World) -> None:
    token = token_for(world.admin, world.strategy.partnership)
    action = world.own_action
    response = _edit(action, token, {"title": "Walk to school"}, action.version)
    assert response.status_code == 200, response.content  # type: ignore[attr-defined]
    saved = Action.objects.get(pk=action.pk)
    assert (saved.title, saved.version) == ("Walk to school", action.version + 1)
    assert response.json()["version"] == saved.version  # type: ignore[attr-defined]
    record = ChangeRecord.objects.filter(object_id=action.pk).latest("id")
    assert record.user == world.admin


def test_a_stale_edit_is_refused_with_412_and_changes_nothing(world: World) -> None:
    token = token_for(world.admin, world.strategy.partnership)
    action = world.own_action
    assert _edit(action, token, {"title": "First"}, action.version).status_code == 200  # type: ignore[attr-defined]
    response = _edit(action, token, {"title": "Second"}, action.version)
    assert is_problem(response, 412)
    assert f"version {action.version + 1}" in response.json()["detail"]  # type: ignore[attr-defined]
    assert Action.objects.get(pk=action.pk).title == "First"


def test_an_edit_without_if_match_is_refused_with_428(world: World) -> None:
    token = token_for(world.admin, world.strategy.partnership)
    assert is_problem(_edit(world.own_action, token, {"title": "No version"}), 428)
    assert Action.objects.get(pk=world.own_action.pk).title != "No version"


def test_a_lead_officers_due_date_change_waits_for_approval(world: World) -> None:
    Strategy.objects.filter(pk=world.strategy.pk).update(requires_approval=True)
    token = token_for(world.lead, world.strategy.partnership)
    action = world.own_action
    body = {"due_text": "March 2028", "title": "Renamed by the lead"}
    response = _edit(action, token, body, action.version)
    assert response.status_code == 200, response.content  # type: ignore[attr-defined]
    assert response.json()["awaiting_approval"] == ["due_text"]  # type: ignore[attr-defined]
    saved = Action.objects.get(pk=action.pk)
    assert saved.title == "Renamed by the lead" and saved.due_text == action.due_text
    assert ProposedChange.objects.filter(action=action, status="pending").exists()


def test_a_lead_officer_may_not_move_an_action_or_edit_others(world: World) -> None:
    token = token_for(world.lead, world.strategy.partnership)
    action = world.own_action
    moved = _edit(action, token, {"priority": action.priority_id}, action.version)
    assert is_problem(moved, 403)
    other = world.other_action
    assert is_problem(_edit(other, token, {"title": "Mine now"}, other.version), 403)
    board = token_for(world.board, world.strategy.partnership)
    assert is_problem(_edit(action, board, {"title": "Board's"}, action.version), 403)


def test_administrators_add_actions_with_the_forms_checks(world: World) -> None:
    token = token_for(world.admin, world.strategy.partnership)
    priority = world.own_action.priority
    body = {"priority": priority.pk, "title": "Pilot a walking bus", "due_text": "March 2027"}
    response = call("POST", "/api/v1/actions/", token, body)
    assert response.status_code == 201, response.content
    made = Action.objects.get(pk=response.json()["id"])
    assert (made.title, made.due_end) == ("Pilot a walking bus", dt.date(2027, 3, 31))
    unreadable = call("POST", "/api/v1/actions/", token, {**body, "due_text": "when ready"})
    assert is_problem(unreadable, 400) and "due_text" in unreadable.json()["errors"]
    foreign = world.foreign_action.priority_id
    elsewhere = call("POST", "/api/v1/actions/", token, {**body, "priority": foreign})
    assert is_problem(elsewhere, 400) and "priority" in elsewhere.json()["errors"]


def test_lead_officers_and_board_members_cannot_add_actions(world: World) -> None:
    body = {"priority": world.own_action.priority_id, "title": "Not allowed"}
    for user in (world.lead, world.board):
        token = token_for(user, world.strategy.partnership)
        assert is_problem(call("POST", "/api/v1/actions/", token, body), 403)
    assert not Action.objects.filter(title="Not allowed").exists()
