"""Every member page with a roll-up bar (overview, plan, theme, priority) draws each bar as
the deleted `rollup` macro drew it (tests/strategy/macro_rollup.py), in the page's order,
for a plan with a delegated sub-plan, a priority without actions, stale actions and
titles that need escaping. The public pages are held likewise by test_public_reading.py."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.delivery_world import World
from tests.factories import ActionFactory, PlanFactory, PriorityFactory, ThemeFactory
from tests.strategy.macro_rollup import old_rollup
from tests.strategy.test_led import varied
from wellboard.strategy.delivery_current import plan_summary
from wellboard.strategy.plan_outline import plan_outline
from wellboard.strategy.plan_part import priority_part, theme_part
from wellboard.strategy.presenters import bar

pytestmark = pytest.mark.django_db


def _bars(found: list[tuple[Any, str]]) -> list[str]:
    """The old macro's markup for each (counts, label)."""
    macro = old_rollup()
    return [str(macro(bar(counts), counts, label)) for counts, label in found]


def assert_bars(client: Client, url: str, found: list[tuple[Any, str]]) -> None:
    page = client.get(url).content.decode()
    expected = _bars(found)
    assert page.count('<div class="wb-bar"') == len(expected), url
    at = 0
    for drawn in expected:
        at = page.index(drawn, at) + len(drawn)  # each in turn, in the page's order


def test_member_pages_draw_the_old_macros_bars(client: Client, world: World) -> None:
    varied(world)
    plan = world.strategy.main_plan
    theme = world.own_action.priority.theme
    theme.title = 'Start well & "grow" <up>'
    theme.save()
    PriorityFactory(theme=theme, title="Homes <warm>", weight=2)  # no actions
    sub: Any = PlanFactory(strategy=world.strategy, title="Staying <Healthy>", position=5)
    ActionFactory(priority=PriorityFactory(theme=ThemeFactory(plan=sub), weight=3))
    PriorityFactory(theme=theme, sub_plan=sub, weight=2)
    client.force_login(world.admin)
    today = timezone.localdate()

    outline = plan_outline(plan, today)
    themes = [(t.counts, t.theme.title) for t in outline.themes]
    assert_bars(
        client, f"/strategies/{world.strategy.pk}/", [(outline.counts, "Whole plan"), *themes]
    )
    for shown in (plan, sub):
        state = plan_summary(shown, today)
        bars = [(t.counts, t.theme.title) for t in state.themes]
        assert_bars(client, f"/plans/{shown.pk}/", [(state.counts, shown.title), *bars])
    part = theme_part(theme, today)
    priorities = [(p.counts, p.priority.title) for p in part.priorities]
    assert len(priorities) == 3 and part.counts.stale > 0
    assert_bars(client, f"/themes/{theme.pk}/", [(part.counts, theme.title), *priorities])
    for p in part.priorities:
        alone = priority_part(p.priority, today)
        assert_bars(client, f"/priorities/{p.priority.pk}/", [(alone.counts, p.priority.title)])
