"""The theme and priority pages' light parts (strategy/plan_part.py) say what the model
path (`delivery_current.theme_current` / `priority_current`, itself held to the whole
history by test_delivery_current.py) says: the same priorities and actions in the same
order, counts, staleness and weighted percentages at every level, on several days, with
a delegated sub-plan, archived records and actions in every state; and the action
tables drawn from them are the same markup."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.delivery_world import World
from tests.factories import ActionFactory, PlanFactory, PriorityFactory, ThemeFactory, UpdateFactory
from tests.strategy.current_checks import DAYS
from tests.strategy.test_led import varied
from wellboard.strategy.delivery_current import priority_current, theme_current
from wellboard.strategy.models import Action, Priority, Theme
from wellboard.strategy.plan_part import priority_part, theme_part
from wellboard.web.action_table import action_table

pytestmark = pytest.mark.django_db


def _counts(state: Any) -> tuple[Any, ...]:
    return (dict(+state.counts.counts), state.counts.stale, state.percent)


def _rows(state: Any) -> list[tuple[Any, ...]]:
    return [(s.action.pk, s.action.ref, s.action.title, s.action.due_text, s.status, s.stale,
             s.percent, s.action.lead_labels(),
             s.action.role_type and (s.action.role_type.name, s.action.role_type.colour))
            for s in state.actions]  # fmt: skip


def assert_same_priority(found: Any, expected: Any) -> None:
    assert found.priority.pk == expected.priority.pk
    assert _counts(found) == _counts(expected)
    assert _rows(found) == _rows(expected)
    assert action_table(found.actions) == action_table(expected.actions)


def assert_same(theme: Theme) -> None:
    for today in DAYS:
        expected, found = theme_current(theme, today), theme_part(theme, today)
        assert found.theme.pk == expected.theme.pk
        assert _counts(found) == _counts(expected), today
        assert len(found.priorities) == len(expected.priorities)
        for got, want in zip(found.priorities, expected.priorities, strict=True):
            assert_same_priority(got, want)
            alone = priority_current(want.priority, today)
            assert_same_priority(priority_part(want.priority, today), alone)


def test_parts_say_what_the_model_path_says(world: World) -> None:
    varied(world)
    theme = world.own_action.priority.theme
    PriorityFactory(theme=theme, weight=2)  # a priority with no actions
    assert_same(theme)
    assert sum(len(p.actions) for p in theme_part(theme, DAYS[2]).priorities) >= 8


def test_with_a_delegated_plan_writes_and_archives(world: World) -> None:
    theme = world.own_action.priority.theme
    sub: Any = PlanFactory(strategy=world.strategy, title="Staying Healthy", position=5)
    sub_priority = PriorityFactory(theme=ThemeFactory(plan=sub), weight=3)
    made = [ActionFactory(priority=sub_priority, weight=w, due_end=dt.date(2026, 1, 1))
            for w in (1, 2, 5)]  # fmt: skip
    UpdateFactory(action=made[0], date=dt.date(2025, 10, 1), rag="red", percent_complete=10)
    delegating = PriorityFactory(theme=theme, sub_plan=sub, weight=2)
    assert_same(theme)
    assert len(priority_part(delegating, DAYS[0]).actions) == 3
    Action.objects.get(pk=made[2].pk).archive()
    Priority.objects.get(pk=world.own_action.priority_id).archive()
    assert_same(theme)
    sub.archive()
    assert_same(theme)
    assert priority_part(Priority.objects.get(pk=delegating.pk), DAYS[0]).actions == []


def test_a_part_costs_a_fixed_number_of_queries(world: World) -> None:
    varied(world)
    theme = Theme.objects.select_related("plan").get(pk=world.own_action.priority.theme_id)
    priority = Priority.objects.select_related("theme").get(pk=world.own_action.priority_id)
    with CaptureQueriesContext(connection) as captured:
        theme_part(theme, DAYS[2])
    assert len(captured) == 3  # priorities, actions, lead organisations
    with CaptureQueriesContext(connection) as captured:
        priority_part(priority, DAYS[2])
    assert len(captured) == 2
