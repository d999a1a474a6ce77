"""Bulk writes refresh each action's kept delivery once at their end, not row by row.

`deferred_refresh()` (wellboard/strategy/delivery_cache.py) collects what a bulk path
touches and refreshes it per plan when the path ends, in its transaction. Here: the
context itself (deferral, nesting, failure), a single web write still refreshing at once,
and the counting of refresh statements (the UPDATE that sets the kept columns) around
them. The bulk paths themselves are counted, and their kept values held equal to the
history, beside their own tests: tests/exchange/test_load_refresh.py,
tests/imports/test_confirm_refresh.py, tests/backup/test_restore_refresh.py,
tests/demo/test_demo_refresh.py, and re-import and merge in
tests/strategy/test_current_delivery_paths.py.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from tests.delivery_world import World
from tests.factories import ActionFactory, PlanFactory, PriorityFactory, ThemeFactory
from tests.strategy.current_checks import assert_current, counting
from wellboard.strategy.delivery_cache import deferred_refresh
from wellboard.strategy.models import Action
from wellboard.strategy.services import add_update

pytestmark = pytest.mark.django_db


def two_plans() -> list[Action]:
    """Three actions in each of two plans."""
    actions = []
    for _ in range(2):
        priority = PriorityFactory(theme=ThemeFactory(plan=PlanFactory()))
        actions += [ActionFactory(priority=priority, percent_complete=None) for _ in range(3)]
    return actions


def update(action: Action, rag: str, day: int) -> None:
    add_update(action=action, author=None, author_name="Lead", date=dt.date(2026, 1, day),
               rag=rag, text="Progress", percent_complete=None,
               override_reason="Why")  # fmt: skip


def test_writes_inside_are_refreshed_once_per_plan_at_the_end() -> None:
    actions = two_plans()
    with counting() as counted, deferred_refresh() as bulk:
        for day, rag in ((1, "red"), (2, "complete")):
            for action in actions:
                update(action, rag, day)
        # Put off: nothing refreshed yet, the kept columns still say what they said.
        assert counted.refreshes == 0
        assert set(Action.objects.values_list("current_rag", flat=True)) == {"not_started"}
    assert (bulk.requests, bulk.refreshes, counted.refreshes) == (12, 2, 2)
    assert set(Action.objects.values_list("current_rag", flat=True)) == {"complete"}
    assert assert_current() == 6


def test_a_nested_bulk_write_joins_the_outer_one() -> None:
    actions = two_plans()
    with counting() as counted, deferred_refresh() as outer:
        with deferred_refresh() as inner:
            update(actions[0], "amber", 1)
        assert inner is outer and counted.refreshes == 0
        update(actions[3], "green", 2)
    assert (outer.requests, outer.refreshes, counted.refreshes) == (2, 2, 2)
    assert_current()


def test_a_bulk_write_that_fails_refreshes_nothing_and_keeps_nothing() -> None:
    actions = two_plans()
    with counting() as counted, pytest.raises(RuntimeError), deferred_refresh():
        update(actions[0], "red", 1)
        raise RuntimeError("half-way")
    assert counted.refreshes == 0
    assert not actions[0].updates.exists()
    assert assert_current() == 6


def test_after_a_bulk_write_single_writes_refresh_at_once_again() -> None:
    actions = two_plans()
    with deferred_refresh():
        update(actions[0], "red", 1)
    with counting() as counted:
        update(actions[1], "amber", 2)
        assert counted.refreshes == 1
    assert Action.objects.get(pk=actions[1].pk).current_rag == "amber"


def test_an_update_from_the_web_refreshes_its_action_at_once(client: Client, world: World) -> None:
    client.force_login(world.lead)
    data = {"date": timezone.localdate().isoformat(), "rag": "complete", "text": "Done.",
            "percent_complete": "100"}  # fmt: skip
    with counting() as counted:
        response = client.post(f"/actions/{world.own_action.pk}/update/", data)
    assert response.status_code == 302
    assert counted.refreshes == 1
    assert Action.objects.get(pk=world.own_action.pk).current_rag == "complete"
    assert_current()
