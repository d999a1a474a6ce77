"""The strategy overview's section per theme, drawn in Python: the theme's link and
delivery bar, and its priorities' links with their counts.

Through the template each of a large plan's forty priorities cost two attribute chains,
a `url()` (a reverse() each) and a filter chain, and each theme a rollup macro: most
of the overview's own markup time (issue #17). Here the theme and priority addresses are
reversed once per page and the ids filled in, every text escaped.
tests/strategy/test_overview_sections.py holds the markup to the template's as it was.
"""

from __future__ import annotations

from django.urls import reverse
from markupsafe import Markup, escape

from wellboard.strategy.plan_outline import PlanOutline, PriorityOutline, ThemeOutline
from wellboard.strategy.rollup_html import rollup

_MARK = 987654321  # an id no record has, cut out of one reversed address


def _address(name: str) -> tuple[str, str]:
    before, _, after = reverse(name, args=[_MARK]).partition(str(_MARK))
    return before, after


def theme_sections(state: PlanOutline) -> Markup:
    """Every theme's section, in the plan's order."""
    themes, priorities = _address("strategy:theme"), _address("strategy:priority")
    return Markup("".join(_section(t, themes, priorities) for t in state.themes))  # noqa: S704


def _section(state: ThemeOutline, themes: tuple[str, str], priorities: tuple[str, str]) -> str:
    theme = state.theme
    href = f"{themes[0]}{theme.pk}{themes[1]}"
    items = "".join(_item(p, priorities) for p in state.priorities)
    return (
        f'    <section aria-labelledby="theme-{theme.pk}">\n'
        f'      <h2 id="theme-{theme.pk}" class="nhsuk-heading-m"><a href="{escape(href)}">'
        f"{escape(theme.ref)} {escape(theme.title)}</a></h2>\n"
        f"      {rollup(state.counts, theme.title)}\n"
        f'      <ul class="nhsuk-list nhsuk-list--bullet">\n'
        f"{items}      </ul>\n"
        f"    </section>\n"
    )


def _item(state: PriorityOutline, address: tuple[str, str]) -> str:
    priority = state.priority
    href = f"{address[0]}{priority.pk}{address[1]}"
    percent = "" if state.percent is None else f", {round(state.percent)}%"
    return (
        f'        <li><a href="{escape(href)}">{escape(priority.ref)} {escape(priority.title)}'
        f"</a>\n"
        f'          <span class="nhsuk-body-s">— {state.counts.total} actions{percent}</span>'
        f"</li>\n"
    )
