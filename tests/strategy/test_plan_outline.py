"""The overview's light outline (strategy/plan_outline.py) says what `plan_summary` (held
to the whole history by test_delivery_current.py) says: the same themes and priorities
in the same order, with the same counts, staleness and weighted percentages at every
level, on several days, with a delegated sub-plan, writes and archives in between."""

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
from wellboard.strategy.delivery_current import plan_summary
from wellboard.strategy.models import Action, Plan
from wellboard.strategy.plan_outline import plan_outline
from wellboard.strategy.services import add_update

pytestmark = pytest.mark.django_db


def _counts(state: Any) -> tuple[Any, ...]:
    return (dict(+state.counts.counts), state.counts.stale, state.percent)


def _named(record: Any) -> tuple[Any, ...]:
    return (record.pk, record.ref, record.title, record.weight)


def assert_same(plan: Plan) -> None:
    for today in DAYS:
        expected, found = plan_summary(plan, today), plan_outline(plan, today)
        assert _counts(found) == _counts(expected), today
        assert len(found.themes) == len(expected.themes)
        for theme, want in zip(found.themes, expected.themes, strict=True):
            assert _named(theme.theme) == _named(want.theme)
            assert _counts(theme) == _counts(want), today
            assert [(_named(p.priority), _counts(p)) for p in theme.priorities] == [
                (_named(p.priority), _counts(p)) for p in want.priorities
            ], today


def test_with_a_delegated_plan_writes_and_archives(world: World) -> None:
    varied(world)
    plan = world.strategy.main_plan
    ThemeFactory(plan=plan, title="Nothing yet", position=9, weight=4)
    sub: Any = PlanFactory(strategy=world.strategy, title="Staying Healthy", position=5)
    sub_priority = PriorityFactory(theme=ThemeFactory(plan=sub), weight=3)
    made = [ActionFactory(priority=sub_priority, weight=w, due_end=dt.date(2026, 1, 1))
            for w in (1, 2, 5)]  # fmt: skip
    UpdateFactory(action=made[0], date=dt.date(2025, 10, 1), rag="red", percent_complete=10)
    PriorityFactory(theme=world.own_action.priority.theme, sub_plan=sub, weight=2)
    PriorityFactory(theme=world.own_action.priority.theme, sub_plan=plan, weight=1)  # itself
    assert_same(plan)
    assert plan_outline(plan, DAYS[0]).counts.total >= 11  # varied's eight, the sub-plan's three
    add_update(action=made[1], author=None, author_name="Lead", date=dt.date(2026, 2, 1),
               rag="complete", text="Done", percent_complete=None,
               override_reason="Done")  # fmt: skip
    Action.objects.get(pk=made[2].pk).archive()
    assert_same(plan)
    world.own_action.priority.archive()
    assert_same(plan)
    sub.archive()
    assert_same(plan)


def test_the_outline_costs_three_queries(world: World) -> None:
    varied(world)
    plan = world.strategy.main_plan
    with CaptureQueriesContext(connection) as captured:
        plan_outline(plan, DAYS[2])
    assert len(captured) == 3
