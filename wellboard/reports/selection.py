"""Which part of the plan a report covers: the filters by theme, board and lead organisation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import prefetch_related_objects

from wellboard.core.delivery import StatusCounts
from wellboard.reports.as_of import plan_state_on
from wellboard.reports.params import ReportError, ReportParams
from wellboard.strategy.delivery import ActionState, PlanState, PriorityState, ThemeState
from wellboard.strategy.models import Plan


@dataclass
class PrioritySlice:
    state: PriorityState
    actions: list[ActionState]


@dataclass
class ThemeSlice:
    state: ThemeState
    priorities: list[PrioritySlice]

    def actions(self) -> list[ActionState]:
        return [a for p in self.priorities for a in p.actions]


@dataclass
class Selection:
    plan: Plan
    state: PlanState
    themes: list[ThemeSlice]

    def actions(self) -> list[ActionState]:
        return [a for t in self.themes for a in t.actions()]


def counts_of(actions: list[ActionState]) -> StatusCounts:
    """Counts for a filtered set of actions, by the statuses delivery.py computed."""
    counts = StatusCounts()
    for state in actions:
        counts.add(state.status, stale=state.stale)
    return counts


def matches(state: ActionState, params: ReportParams) -> bool:
    action = state.action
    if params.board and not any(
        link.board_id == params.board.pk for link in action.board_links.all()
    ):
        return False
    return not params.organisation or any(
        link.is_lead and link.organisation_id == params.organisation.pk
        for link in action.organisation_links.all()
    )


def main_plan(params: ReportParams) -> Plan:
    plan = params.strategy.main_plan
    if plan is None:
        raise ReportError(f"strategy {params.strategy.pk} has no delivery plan yet")
    return plan


def select(params: ReportParams, as_of: date | None = None) -> Selection:
    """The main plan as it stood on the report date, cut down to the filters' actions."""
    plan = main_plan(params)
    state = plan_state_on(plan, params.as_of if as_of is None else as_of)
    themes = []
    for theme_state in state.themes:
        if params.theme and theme_state.theme.pk != params.theme.pk:
            continue
        priorities = [
            PrioritySlice(p, [a for a in p.actions if matches(a, params)])
            for p in theme_state.priorities
        ]
        priorities = [p for p in priorities if p.actions]
        if priorities:
            themes.append(ThemeSlice(theme_state, priorities))
    selection = Selection(plan, state, themes)
    # Indicators and milestones appear only in reports, so they are fetched here, in two
    # queries for the whole plan rather than one per action.
    prefetch_related_objects(
        [a.action for a in selection.actions()], "indicator_links__indicator", "milestones"
    )
    return selection
