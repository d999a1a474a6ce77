"""The delivery picture for pages, read from each action's kept columns.

`strategy/delivery.plan_delivery` rebuilds statuses from every update of the plan, which
past-dated reports need (`reports/as_of.py`). Pages show today's picture, so they read
the kept columns instead (wellboard/strategy/current.py): the overview and plan pages
count in the database with one grouped query, and the theme and priority pages load only
their own actions. The results are the same dataclasses, so templates do not change; the
tests hold them equal to `plan_delivery`.
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from django.db.models import Q, QuerySet

from wellboard.core.delivery import suggested_rag
from wellboard.strategy.counted_actions import (
    active_priorities,
    delegates,
    in_plans,
    priority_counts,
)
from wellboard.strategy.delivery import (
    ActionState,
    PlanState,
    PriorityState,
    ThemeState,
    _roll_up,
)
from wellboard.strategy.models import Action, Plan, Priority, Theme
from wellboard.strategy.querysets import PlanPartQuerySet

Actions = TypeVar("Actions", bound=QuerySet[Action])


def current_actions() -> PlanPartQuerySet[Action]:
    """Active actions with what a delivery page shows beside them; no updates. Boards are
    left to the pages that ask which boards an action reports to (`with_boards`)."""
    return (
        Action.objects.filter(archived_at__isnull=True)
        .select_related("lead_officer", "role_type", "current_update")
        .prefetch_related("organisation_links__organisation")
    )


def with_boards(actions: Actions) -> Actions:
    """The board links `LastMeetings.for_action` reads ("my actions", the dashboard)."""
    return actions.prefetch_related("board_links")


def current_state(action: Action, today: date) -> ActionState:
    """`delivery.action_state` from the kept columns."""
    status = action.current_status_on(today)
    percent = action.current_percent
    return ActionState(
        action=action,
        status=str(status),
        stale=action.current_stale_on(today),
        percent=percent,
        suggested=suggested_rag(percent, action.due_start, action.due_end, today),
        latest=action.current_update,
    )


def plan_summary(plan: Plan, today: date) -> PlanState:
    """Counts and weighted percentages at every level, actions left out: three queries.

    One grouped query counts the plan's actions (and those of the plans its priorities
    delegate to) by priority and status in the database (`counted_actions`).
    """
    themes = list(Theme.objects.filter(plan=plan, archived_at__isnull=True))
    priorities = list(active_priorities(themes))
    counted = priority_counts(plan.pk, {p.pk: delegates(p, plan.pk) for p in priorities}, today)
    states: dict[int, list[PriorityState]] = {}
    for priority in priorities:
        state = PriorityState(priority, [])
        state.counts, state.percent = counted[priority.pk]
        states.setdefault(priority.theme_id, []).append(state)
    return _plan_state(plan, themes, states)


def _plan_state(
    plan: Plan, themes: list[Theme], states: dict[int, list[PriorityState]]
) -> PlanState:
    theme_states = []
    for theme in themes:
        theme_state = ThemeState(theme, states.get(theme.pk, []))
        theme_state.percent = _roll_up(theme_state.priorities, theme_state.counts)
        theme_states.append(theme_state)
    plan_state = PlanState(plan, theme_states)
    plan_state.percent = _roll_up(theme_states, plan_state.counts)
    return plan_state


def _with_actions(priorities: list[Priority], plan_id: int, today: date) -> list[PriorityState]:
    """Each priority's state with its action states, in plan order, in two queries."""
    delegated = {p.pk: delegates(p, plan_id) for p in priorities}
    wanted = Q(priority__in=priorities) | in_plans(filter(None, delegated.values()))
    actions = (
        current_actions()
        .filter(wanted, archived_at__isnull=True)
        .order_by("priority__theme__position", "priority__theme_id", "priority__position",
                  "priority_id", "position", "id")
    )  # fmt: skip
    own: dict[int, list[Action]] = {}
    by_plan: dict[int, list[Action]] = {}
    plan_of = {p.pk: p.theme.plan_id for p in priorities}
    for action in actions.select_related("priority__theme"):
        if action.priority_id in plan_of:
            own.setdefault(action.priority_id, []).append(action)
        else:
            by_plan.setdefault(action.priority.theme.plan_id, []).append(action)
    states = []
    for priority in priorities:
        chosen = own.get(priority.pk, []) + by_plan.get(delegated[priority.pk] or 0, [])
        state = PriorityState(priority, [current_state(a, today) for a in chosen])
        state.percent = _roll_up(state.actions, state.counts)
        states.append(state)
    return states


def theme_current(theme: Theme, today: date) -> ThemeState:
    """The theme's priorities and actions only."""
    priorities = list(active_priorities([theme]).select_related("theme"))
    state = ThemeState(theme, _with_actions(priorities, theme.plan_id, today))
    state.percent = _roll_up(state.priorities, state.counts)
    return state


def priority_current(priority: Priority, today: date) -> PriorityState:
    """The priority and its actions (a delegated priority's sub-plan's among them)."""
    return _with_actions([priority], priority.theme.plan_id, today)[0]
