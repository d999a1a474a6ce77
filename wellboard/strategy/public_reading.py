"""A published strategy's plan and each theme's actions read as values, for its public pages.

The page is anonymous and shows every action of the theme (fifty in a 400-action plan)
with its lead organisations, due date and status. Read as model instances with their
role type, organisations and latest update (`delivery_current.theme_current`, which the
members' theme page uses) that was two thirds of the page's time (issue #17). Here the
priorities and actions are rows of values and the lead organisations one query
(strategy/led.py, picked by plan_part.priority_actions as for the members' theme page),
with the counts added up in Python: three queries, and only what the page shows. A
priority that delegates to a sub-plan lists that plan's actions as its own, as
`theme_current` does; tests/strategy/test_public_reading.py holds the page's markup
equal to the one drawn from `theme_current`.

The strategy's page shows each theme's and priority's counts by status: the same grouped
count as `delivery_current.plan_summary` and the overview read
(`counted_actions.priority_counts`), with themes and priorities read as values, not as
model instances with their lead officers and sub-plans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse
from markupsafe import Markup, escape

from wellboard.core.delivery import StatusCounts, status_words
from wellboard.strategy.counted_actions import delegated_plan, priority_counts
from wellboard.strategy.led import LedState
from wellboard.strategy.models import Plan, Priority, Theme
from wellboard.strategy.plan_part import priority_actions


@dataclass(frozen=True, slots=True)
class Heading:
    """What the pages show of a theme or priority."""

    ref: str
    title: str
    pk: int = 0


@dataclass(slots=True)
class PublicPriority:
    priority: Heading
    actions: list[LedState] = field(default_factory=list)
    counts: StatusCounts = field(default_factory=StatusCounts)

    def action_list(self) -> Markup:
        """The list of the priority's actions as the page's loop of `status_tag` macro calls
        drew it (most of the page's drawing time): ref, title, lead organisations, due date
        and status, every value escaped."""
        items = "".join(f"    <li>{_item(state)}</li>\n" for state in self.actions)
        return Markup(f'  <ul class="nhsuk-list">\n{items}  </ul>')  # noqa: S704 - escaped


def _item(state: LedState) -> str:
    action = state.action
    status = state.status
    tag = f'<strong class="wb-rag wb-rag--{escape(status)}">{escape(status_words(status))}</strong>'
    if state.stale:
        tag += ' <span class="nhsuk-body-s">(no update for 90 days)</span>'
    leads, due = escape(", ".join(action.leads)), escape(action.due_text)
    return f"{escape(action.ref)} {escape(action.title)} — {leads} · {due} · {tag}"


@dataclass(slots=True)
class PublicTheme:
    theme: Theme
    priorities: list[PublicPriority] = field(default_factory=list)
    counts: StatusCounts = field(default_factory=StatusCounts)


def public_theme_state(theme: Theme, on: date) -> PublicTheme:
    """The theme's active priorities in order, each with its active actions and counts."""
    priorities = list(
        Priority.objects.filter(theme=theme, archived_at__isnull=True)
        .order_by("position", "id")
        .values_list("pk", "ref", "title", "sub_plan_id", "sub_plan__archived_at")
    )
    delegated = {p[0]: delegated_plan(p[3], p[4] is not None, theme.plan_id) for p in priorities}
    own, by_plan = priority_actions(list(delegated), filter(None, delegated.values()), on)
    state = PublicTheme(theme)
    for pk, ref, title, *_ in priorities:
        chosen = own.get(pk, []) + by_plan.get(delegated[pk] or 0, [])
        shown = PublicPriority(Heading(ref, title), chosen)
        for action in shown.actions:
            shown.counts.add(action.status, stale=action.stale)
        state.counts.merge(shown.counts)
        state.priorities.append(shown)
    return state


@dataclass(slots=True)
class ThemeSummary:
    theme: Heading
    page: str  # the theme's public page
    outcomes: str  # its outcome indicators' page
    priorities: list[PublicPriority] = field(default_factory=list)
    counts: StatusCounts = field(default_factory=StatusCounts)


_MARK = 987654321  # an id no theme has, cut out of one reversed address


def _addresses(name: str) -> tuple[str, str]:
    """A theme page's address around its id: reverse() once a page, not three times a
    theme (a tenth of the strategy page's time)."""
    before, _, after = reverse(name, args=[_MARK]).partition(str(_MARK))
    return before, after


@dataclass(slots=True)
class PlanSummary:
    themes: list[ThemeSummary] = field(default_factory=list)
    counts: StatusCounts = field(default_factory=StatusCounts)


def public_plan_summary(plan: Plan, on: date) -> PlanSummary:
    """The plan's active themes and priorities in order with their counts: three queries."""
    page, outcomes = _addresses("strategy:public_theme"), _addresses("indicators:theme_outcomes")
    themes = {
        pk: ThemeSummary(
            Heading(ref, title, pk), f"{page[0]}{pk}{page[1]}", f"{outcomes[0]}{pk}{outcomes[1]}"
        )
        for pk, ref, title in Theme.objects.filter(plan=plan, archived_at__isnull=True)
        .order_by("position", "id")
        .values_list("pk", "ref", "title")
    }
    priorities = list(
        Priority.objects.filter(theme__in=list(themes), archived_at__isnull=True)
        .order_by("theme__position", "theme_id", "position", "id")
        .values_list("pk", "theme_id", "ref", "title", "sub_plan_id", "sub_plan__archived_at")
    )
    delegated = {p[0]: delegated_plan(p[4], p[5] is not None, plan.pk) for p in priorities}
    counted = priority_counts(plan.pk, delegated, on)
    for pk, theme, ref, title, *_ in priorities:
        shown = PublicPriority(Heading(ref, title, pk), counts=counted[pk][0])
        themes[theme].priorities.append(shown)
        themes[theme].counts.merge(shown.counts)
    summary = PlanSummary(list(themes.values()))
    for theme_summary in summary.themes:
        summary.counts.merge(theme_summary.counts)
    return summary
