"""The light rows of "my actions" and the dashboard (strategy/led.py) say what the model
path says: status, staleness and percentage from the kept columns, the lead labels in the
plan's order, the role type, the boards and the strategy, for actions in every state."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.delivery_world import World
from tests.factories import (
    ActionFactory,
    BoardFactory,
    OrganisationFactory,
    UpdateFactory,
)
from wellboard.strategy.delivery_current import current_actions, current_state, with_boards
from wellboard.strategy.led import led_states
from wellboard.strategy.meetings import strategy_id
from wellboard.strategy.models import Action, ActionBoard, ActionOrganisation

pytestmark = pytest.mark.django_db


def varied(world: World) -> None:
    """Actions overdue, complete, ongoing past their date, silent, undated, unlinked, and
    one with two lead organisations (one without an acronym) and a supporting one."""
    today = timezone.localdate()
    priority = world.own_action.priority
    partnership = world.strategy.partnership
    shapes: list[tuple[int | None, bool, str | None, int | None]] = [
        (-10, False, "green", 3),  # overdue
        (-10, False, "complete", 3),  # complete, past its date
        (-10, True, "amber", 3),  # ongoing: never overdue
        (50, False, "red", 120),  # silent for 120 days
        (None, False, None, None),  # no due date, no update
    ]
    for due_in, ongoing, rag, updated_ago in shapes:
        action: Any = ActionFactory(
            priority=priority,
            due_end=None if due_in is None else today + dt.timedelta(days=due_in),
            ongoing=ongoing,
            role_type="direct" if rag else "",
        )
        if rag is not None and updated_ago is not None:
            UpdateFactory(action=action, date=today - dt.timedelta(days=updated_ago), rag=rag)
    linked: Any = ActionFactory(priority=priority, due_text="By March 2027")
    named = OrganisationFactory(partnership=partnership, name="Riverside Council", acronym="")
    for position, (org, lead) in enumerate(
        [(OrganisationFactory(partnership=partnership), True), (named, True),
         (OrganisationFactory(partnership=partnership), False)]
    ):  # fmt: skip
        ActionOrganisation.objects.create(
            action=linked, organisation=org, is_lead=lead, position=2 - position
        )
    for board in (BoardFactory(partnership=partnership), BoardFactory(partnership=partnership)):
        ActionBoard.objects.create(action=linked, board=board)


def test_rows_say_what_the_model_path_says(world: World) -> None:
    varied(world)
    today = timezone.localdate()
    actions = Action.objects.in_strategy(world.strategy).order_by("pk")
    expected = [
        current_state(a, today)
        for a in with_boards(current_actions()).filter(pk__in=actions).with_plan().order_by("pk")
    ]
    found = led_states(actions, today)
    assert len(found) == len(expected) >= 8
    for row, state in zip(found, expected, strict=True):
        action = state.action
        assert (row.action.pk, row.status, row.stale, row.percent) == (
            action.pk, state.status, state.stale, state.percent
        )  # fmt: skip
        assert (row.action.ref, row.action.title, row.action.due_text, row.action.due_end) == (
            action.ref, action.title, action.due_text, action.due_end
        )  # fmt: skip
        assert row.action.lead_labels() == action.lead_labels()
        assert row.action.last_update_on == action.last_update_on
        assert row.action.strategy_id == strategy_id(action)
        assert row.action.boards == [link.board_id for link in action.board_links.all()]
        role, mark = action.role_type, row.action.role_type
        assert (mark and (mark.name, mark.colour)) == (role and (role.name, role.colour))
    statuses = {row.status for row in found}
    assert {"overdue", "complete", "amber", "red", "not_started"} <= statuses
    assert any(row.stale for row in found) and not all(row.stale for row in found)
    first, second = found[-1].action.lead_labels()  # by position; the name without acronym
    assert first == "Riverside Council" and second.startswith("PT")


def test_rows_cost_three_queries_however_many(world: World) -> None:
    varied(world)
    actions = Action.objects.in_strategy(world.strategy)
    with CaptureQueriesContext(connection) as captured:
        led_states(actions, timezone.localdate())
    assert len(captured) == 3
    with CaptureQueriesContext(connection) as captured:
        led_states(actions, timezone.localdate(), boards=False)
    assert len(captured) == 2
