"""A priority delivered by another plan shows and counts that plan's actions (#11.3)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from tests.delivery_world import World
from tests.factories import ActionFactory, PlanFactory, PriorityFactory, ThemeFactory, UpdateFactory
from wellboard.exchange.export import export_strategy
from wellboard.reports.params import ReportParams
from wellboard.reports.selection import select
from wellboard.strategy.delivery import delivered_actions, plan_delivery

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 23)


def _delegate(world: World) -> tuple[Any, list[Any]]:
    """A sub-plan with two actions, one red, delivering a new priority of the main plan."""
    strategy = world.strategy
    main = strategy.main_plan
    sub: Any = PlanFactory(strategy=strategy, title="Staying Healthy action plan", position=5)
    sub_priority = PriorityFactory(theme=ThemeFactory(plan=sub, title="Tobacco"))
    actions = [ActionFactory(priority=sub_priority, title=f"Stop smoking {i}") for i in (1, 2)]
    UpdateFactory(action=actions[0], date=TODAY - dt.timedelta(days=3), rag="red")
    theme = world.own_action.priority.theme
    assert theme.plan == main
    PriorityFactory(theme=theme, title="Reduce smoking", sub_plan=sub)
    return sub, actions


def test_the_delegated_actions_count_in_every_roll_up(world: World) -> None:
    before = plan_delivery(world.strategy.main_plan, TODAY)
    sub, actions = _delegate(world)
    state = plan_delivery(world.strategy.main_plan, TODAY)
    delegated = next(p for t in state.themes for p in t.priorities if p.priority.sub_plan == sub)
    assert [s.action for s in delegated.actions] == actions
    assert state.counts.total == before.counts.total + 2
    assert state.themes[0].counts.total == before.themes[0].counts.total + 2
    assert state.counts.counts["red"] == before.counts.counts["red"] + 1
    assert delivered_actions(world.strategy.main_plan).count() == before.counts.total + 2


def test_an_archived_sub_plan_stops_counting(world: World) -> None:
    before = plan_delivery(world.strategy.main_plan, TODAY).counts.total
    sub, _ = _delegate(world)
    sub.archive()
    assert plan_delivery(world.strategy.main_plan, TODAY).counts.total == before


def test_the_priority_page_and_the_report_show_them(client: Client, world: World) -> None:
    sub, _ = _delegate(world)
    client.force_login(world.board)
    priority = sub.delivers_priorities.get()
    page = client.get(f"/priorities/{priority.pk}/").content.decode()
    assert "Stop smoking 1" in page and f"/plans/{sub.pk}/" in page
    overview = client.get(f"/strategies/{world.strategy.pk}/").content.decode()
    assert f"/plans/{sub.pk}/" in overview
    selection = select(ReportParams(kind="delivery", strategy=world.strategy, as_of=TODAY))
    titles = [s.action.title for s in selection.actions()]
    assert {"Stop smoking 1", "Stop smoking 2"} <= set(titles)


def test_the_export_carries_the_sub_plan(world: World) -> None:
    sub, _ = _delegate(world)
    document = export_strategy(world.strategy)
    assert [p["title"] for p in document["plans"]] == ["Staying Healthy action plan"]
    delegated = [
        p for t in document["themes"] for p in t["priorities"] if p["sub_plan"] == sub.title
    ]
    assert len(delegated) == 1
