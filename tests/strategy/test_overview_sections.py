"""The overview's theme sections drawn in Python (strategy/overview_sections.py) from the
light outline (strategy/plan_outline.py) are the markup the template drew from
`plan_summary` (held here as it was, with the old `rollup` macro), for a plan with a
delegated sub-plan, a theme without priorities, a priority without actions and text that
needs escaping."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import engines

from tests.delivery_world import World
from tests.factories import ActionFactory, PlanFactory, PriorityFactory, ThemeFactory
from tests.strategy.current_checks import DAYS
from tests.strategy.macro_rollup import old_rollup
from tests.strategy.test_led import varied
from wellboard.strategy.delivery_current import plan_summary
from wellboard.strategy.overview_sections import theme_sections
from wellboard.strategy.plan_outline import plan_outline
from wellboard.strategy.presenters import bar

pytestmark = pytest.mark.django_db

OLD_SECTIONS = """  {% for t in state.themes %}
    <section aria-labelledby="theme-{{ t.theme.pk }}">
      <h2 id="theme-{{ t.theme.pk }}" class="nhsuk-heading-m"><a href="{{ url('strategy:theme', \
t.theme.pk) }}">{{ t.theme.ref }} {{ t.theme.title }}</a></h2>
      {{ rollup(bar(t.counts), t.counts, t.theme.title) }}
      <ul class="nhsuk-list nhsuk-list--bullet">
      {% for p in t.priorities %}
        <li><a href="{{ url('strategy:priority', p.priority.pk) }}">{{ p.priority.ref }} \
{{ p.priority.title }}</a>
          <span class="nhsuk-body-s">— {{ p.counts.total }} actions{% if p.percent is not none \
%}, {{ p.percent | round | int }}%{% endif %}</span></li>
      {% endfor %}
      </ul>
    </section>
  {% endfor %}
""".replace("\\\n", "")


def test_sections_draw_what_the_template_drew(world: World) -> None:
    varied(world)
    plan = world.strategy.main_plan
    own = world.own_action.priority
    ThemeFactory(plan=plan, title="Nothing yet", position=9)
    PriorityFactory(theme=own.theme, title='Homes & "warmth" <for all>', weight=2)
    sub: Any = PlanFactory(strategy=world.strategy, title="Staying Healthy", position=5)
    sub_priority = PriorityFactory(theme=ThemeFactory(plan=sub), weight=3)
    ActionFactory(priority=sub_priority)
    PriorityFactory(theme=own.theme, sub_plan=sub, weight=2)
    old = engines["jinja2"].env.from_string(OLD_SECTIONS)  # type: ignore[attr-defined]
    rollup = old_rollup()
    for today in DAYS:
        state = plan_summary(plan, today)
        expected = old.render({"state": state, "bar": bar, "rollup": rollup})
        assert str(theme_sections(plan_outline(plan, today))) == expected
    assert "Homes &amp; &#34;warmth&#34; &lt;for all&gt;" in expected
    assert expected.count("<section") == len(state.themes) >= 2
