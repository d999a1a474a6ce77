"""Pages read the kept columns; their picture equals the one rebuilt from every update.

`plan_delivery` (what past-dated reports use) is the truth: the overview's grouped
counts, the theme and priority pages' parts and the public page's whole plan must match
it at every level, on several days, with a delegated sub-plan, archived records and
writes of every kind in between.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.delivery_world import World
from tests.factories import ActionFactory, PlanFactory, PriorityFactory, ThemeFactory, UpdateFactory
from tests.strategy.current_checks import DAYS
from wellboard.strategy.delivery import PlanState, PriorityState, ThemeState, plan_delivery
from wellboard.strategy.delivery_current import (
    plan_summary,
    priority_current,
    theme_current,
)
from wellboard.strategy.models import Action, Plan
from wellboard.strategy.services import add_update

pytestmark = pytest.mark.django_db


def _counts(state: PlanState | ThemeState | PriorityState) -> tuple[Any, ...]:
    return (dict(+state.counts.counts), state.counts.stale, state.percent)


def _actions(state: PriorityState) -> list[tuple[Any, ...]]:
    return [(s.action.pk, s.status, s.stale, s.percent, s.suggested,
             s.latest.pk if s.latest else None) for s in state.actions]  # fmt: skip


def assert_same(plan: Plan) -> None:
    for today in DAYS:
        truth = plan_delivery(plan, today)
        summary = plan_summary(plan, today)
        assert _counts(summary) == _counts(truth), today
        assert [t.theme.pk for t in summary.themes] == [t.theme.pk for t in truth.themes]
        for t_truth, t_sum in zip(truth.themes, summary.themes, strict=True):
            theme = theme_current(t_truth.theme, today)
            for found_theme in (t_sum, theme):
                assert _counts(found_theme) == _counts(t_truth), today
            for p_truth, p_sum, p_theme in zip(
                t_truth.priorities, t_sum.priorities, theme.priorities, strict=True
            ):
                alone = priority_current(p_truth.priority, today)
                for found_priority in (p_sum, p_theme, alone):
                    assert found_priority.priority.pk == p_truth.priority.pk
                    assert _counts(found_priority) == _counts(p_truth), today
                for found_priority in (p_theme, alone):
                    assert _actions(found_priority) == _actions(p_truth), today


def test_with_a_delegated_plan_writes_and_archives(world: World) -> None:
    plan = world.strategy.main_plan
    sub: Any = PlanFactory(strategy=world.strategy, title="Staying Healthy", position=5)
    sub_priority = PriorityFactory(theme=ThemeFactory(plan=sub), weight=3)
    made = [ActionFactory(priority=sub_priority, weight=w, due_end=dt.date(2026, 1, 1))
            for w in (1, 2, 5)]  # fmt: skip
    UpdateFactory(action=made[0], date=dt.date(2025, 10, 1), rag="red", percent_complete=10)
    PriorityFactory(theme=world.own_action.priority.theme, sub_plan=sub, weight=2)
    assert_same(plan)
    add_update(action=made[1], author=None, author_name="Lead", date=dt.date(2026, 2, 1),
               rag="complete", text="Done", percent_complete=None,
               override_reason="Done")  # fmt: skip
    Action.objects.get(pk=made[2].pk).archive()
    assert_same(plan)
    world.own_action.priority.archive()
    assert_same(plan)
    sub.archive()
    assert_same(plan)
