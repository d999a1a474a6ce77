"""The plan as it stood on a date: a report for a past meeting shows what the board saw.

Statuses come from `wellboard.strategy.delivery` with the report date as "today", after
hiding the progress updates written later. Undated imported notes predate the system and
stay visible.
"""

from __future__ import annotations

from datetime import date

from wellboard.strategy.delivery import (
    PlanState,
    PriorityState,
    ThemeState,
    _roll_up,
    action_state,
    plan_delivery,
)
from wellboard.strategy.models import Action, Plan, ProgressUpdate


def restore_action_fields(action: Action, as_of: date) -> None:
    """Extension point: put back the action's fields as they were on `as_of`.

    The history app (wellboard/history) records field changes; once it offers a way to
    read a record's state at a date, call it here. Until then titles, due dates and leads
    are today's, and only progress updates (which are dated) are wound back.
    """


def _updates_until(action: Action, as_of: date) -> list[ProgressUpdate]:
    return [u for u in action.updates.all() if u.date is None or u.date <= as_of]


def _wind_back(action: Action, as_of: date) -> None:
    """Replace the prefetched updates with those written by `as_of`."""
    cache = getattr(action, "_prefetched_objects_cache", None)
    kept = _updates_until(action, as_of)
    if cache is not None and "updates" in cache:
        queryset = cache["updates"]
        queryset._result_cache = kept
    restore_action_fields(action, as_of)


def plan_state_on(plan: Plan, as_of: date) -> PlanState:
    """`plan_delivery` for `as_of`, with later updates hidden."""
    state = plan_delivery(plan, as_of)
    if not any(u.date and u.date > as_of for a in state.actions() for u in a.action.updates.all()):
        return state
    themes = []
    for theme_state in state.themes:
        priorities = []
        for priority_state in theme_state.priorities:
            actions = []
            for old in priority_state.actions:
                _wind_back(old.action, as_of)
                actions.append(action_state(old.action, as_of))
            restated = PriorityState(priority_state.priority, actions)
            restated.percent = _roll_up(actions, restated.counts)
            priorities.append(restated)
        restated_theme = ThemeState(theme_state.theme, priorities)
        restated_theme.percent = _roll_up(priorities, restated_theme.counts)
        themes.append(restated_theme)
    restated_plan = PlanState(plan, themes)
    restated_plan.percent = _roll_up(themes, restated_plan.counts)
    return restated_plan
