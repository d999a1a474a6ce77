"""The public theme page's rows (strategy/public_reading.py) say what `theme_current` and
the page's old loop of macro calls said: the same priorities, counts and action lines,
with a delegated sub-plan, archived records, and actions in every state, on several days.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.template import engines
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.delivery_world import World, add_actions
from tests.factories import ActionFactory, PlanFactory, PriorityFactory, ThemeFactory, UpdateFactory
from tests.strategy.current_checks import DAYS
from tests.strategy.macro_rollup import old_rollup
from tests.strategy.test_led import varied
from wellboard.strategy.delivery import PriorityState
from wellboard.strategy.delivery_current import plan_summary, theme_current
from wellboard.strategy.models import Action, Theme
from wellboard.strategy.presenters import bar
from wellboard.strategy.public_reading import (
    PublicPriority,
    public_plan_summary,
    public_theme_state,
)

pytestmark = pytest.mark.django_db

# strategy/public_theme.jinja's list of a priority's actions as it was: the reference.
MACRO_LIST = """{% from "strategy/_macros.jinja" import status_tag %}
  <ul class="nhsuk-list">
  {% for s in p.actions %}
    <li>{{ s.action.ref }} {{ s.action.title }} — {{ s.action.lead_labels() | join(", ") }} · {{ s.action.due_text }} · {{ status_tag(s) }}</li>
  {% endfor %}
  </ul>"""  # noqa: E501


def _macro_list(state: PriorityState) -> str:
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    return str(env.from_string(MACRO_LIST).render(p=state))


def _counts(state: Any) -> tuple[Any, ...]:
    return (dict(+state.counts.counts), state.counts.stale)


def _rich_theme(world: World) -> Theme:
    """The lead's theme with varied actions, an escaped title, a delegated sub-plan (one of
    its actions archived), a priority delegating to an archived plan and archived records."""
    varied(world)
    theme = world.own_action.priority.theme
    ActionFactory(priority=world.own_action.priority, title="Fish & <chips>", due_text="Q1 <&>")
    sub: Any = PlanFactory(strategy=world.strategy, title="Staying Healthy", position=5)
    sub_priority = PriorityFactory(theme=ThemeFactory(plan=sub))
    made = [ActionFactory(priority=sub_priority, due_end=dt.date(2026, 1, 1)) for _ in range(3)]
    UpdateFactory(action=made[0], date=dt.date(2025, 10, 1), rag="red", percent_complete=10)
    Action.objects.get(pk=made[2].pk).archive()
    PriorityFactory(theme=theme, sub_plan=sub, title="Delegated")
    gone: Any = PlanFactory(strategy=world.strategy, title="Old plan", position=6)
    ActionFactory(priority=PriorityFactory(theme=ThemeFactory(plan=gone)))
    gone.archive()
    PriorityFactory(theme=theme, sub_plan=gone, title="Delegates to an archived plan")
    old_priority: Any = PriorityFactory(theme=theme, title="Archived priority")
    ActionFactory(priority=old_priority)
    old_priority.archive()
    PriorityFactory(theme=theme, title="Empty priority")
    return Theme.objects.get(pk=theme.pk)


def assert_same(theme: Theme) -> None:
    for day in DAYS:
        old, new = theme_current(theme, day), public_theme_state(theme, day)
        assert _counts(new) == _counts(old), day
        assert len(new.priorities) == len(old.priorities) >= 4
        for p_old, p_new in zip(old.priorities, new.priorities, strict=True):
            heading = (p_old.priority.ref, p_old.priority.title)
            assert (p_new.priority.ref, p_new.priority.title) == heading
            assert _counts(p_new) == _counts(p_old), (day, heading)
            assert str(p_new.action_list()) == _macro_list(p_old), (day, heading)


def test_the_rows_say_what_theme_current_and_the_macros_said(world: World) -> None:
    theme = _rich_theme(world)
    assert_same(theme)
    shown = [s for p in public_theme_state(theme, DAYS[1]).priorities for s in p.actions]
    assert {"overdue", "complete", "red", "not_started"} <= {s.status for s in shown}
    assert any(s.stale for s in shown) and "Fish &amp; &lt;chips&gt;" in "".join(
        str(p.action_list()) for p in public_theme_state(theme, DAYS[1]).priorities
    )


def test_the_page_shows_each_priority_list_and_follows_writes(world: World) -> None:
    theme = _rich_theme(world)
    url = reverse("strategy:public_theme", args=[theme.pk])
    page = Client().get(url).content.decode()
    for priority in theme_current(theme, dt.date.today()).priorities:
        assert _macro_list(priority) in page
    world.own_action.archive()
    assert_same(theme)
    assert world.own_action.title not in Client().get(url).content.decode()


def test_an_empty_theme_has_its_headings_and_no_actions(world: World) -> None:
    theme: Any = ThemeFactory(plan=world.strategy.main_plan, title="Quiet theme")
    PriorityFactory(theme=theme, title="Nothing yet")
    state = public_theme_state(theme, DAYS[0])
    assert [p.priority.title for p in state.priorities] == ["Nothing yet"]
    assert str(state.priorities[0].action_list()) == '  <ul class="nhsuk-list">\n  </ul>'
    assert isinstance(state.priorities[0], PublicPriority) and state.counts.total == 0


def test_three_queries_each_however_many_actions(world: World) -> None:
    theme = _rich_theme(world)
    plan = theme.plan
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            public_theme_state(theme, DAYS[1])
        counts.append(len(captured))
        with CaptureQueriesContext(connection) as captured:
            public_plan_summary(plan, DAYS[1])
        counts.append(len(captured))
        add_actions(world.own_action.priority, 5)
    assert counts == [3, 3, 3, 3]


# strategy/public.jinja's plan part as it was, through plan_summary and the macros.
MACRO_PLAN = """{% if state %}
  {{ rollup(bar(state.counts), state.counts, "Whole plan") }}
  {% for t in state.themes %}
    <h2><a href="{{ url('strategy:public_theme', t.theme.pk) }}">{{ t.theme.ref }} {{ t.theme.title }}</a></h2>
    {{ rollup(bar(t.counts), t.counts, t.theme.title) }}
    <ul class="nhsuk-list nhsuk-list--bullet">
    {% for p in t.priorities %}
      <li>{{ p.priority.ref }} {{ p.priority.title }} · {{ p.counts.total }} action{{ "" if p.counts.total == 1 else "s" }}</li>
    {% endfor %}
    </ul>
    <p><a href="{{ url('strategy:public_theme', t.theme.pk) }}">Every action of {{ t.theme.title }} and its progress</a> · <a href="{{ url('indicators:theme_outcomes', t.theme.pk) }}">Outcome indicators for {{ t.theme.title }}</a></p>
  {% endfor %}
{% endif %}
"""  # noqa: E501


def test_the_plan_summary_says_what_plan_summary_and_the_macros_said(world: World) -> None:
    theme = _rich_theme(world)
    second: Any = ThemeFactory(plan=theme.plan, title="Live <well>", position=2)
    PriorityFactory(theme=second, title="Nothing yet")
    ThemeFactory(plan=theme.plan, title="Archived theme", position=3).archive()
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    page = Client().get(reverse("strategy:public", args=[world.strategy.pk])).content.decode()
    for day in DAYS:
        old, new = plan_summary(theme.plan, day), public_plan_summary(theme.plan, day)
        assert _counts(new) == _counts(old) and new.counts.total > 8
        pairs = list(zip(old.themes, new.themes, strict=True))
        assert len(pairs) == 2
        for t_old, t_new in pairs:
            assert (t_new.theme.pk, t_new.theme.ref, t_new.theme.title) == (
                t_old.theme.pk, t_old.theme.ref, t_old.theme.title
            )  # fmt: skip
            assert _counts(t_new) == _counts(t_old)
            for p_old, p_new in zip(t_old.priorities, t_new.priorities, strict=True):
                assert p_new.priority.title == p_old.priority.title
                assert _counts(p_new) == _counts(p_old), (day, p_old.priority.title)
    expected = env.from_string(MACRO_PLAN).render(
        state=plan_summary(theme.plan, dt.date.today()), bar=bar, rollup=old_rollup()
    )
    assert "Live &lt;well&gt;" in expected and expected.strip() in page
