"""The delivery picture of a plan: each action's status and the roll-ups boards read.

Loads a whole plan in a fixed number of queries and computes in Python, so pages and
reports cost the same whatever the size of the plan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q

from wellboard.core.delivery import (
    StatusCounts,
    action_percent,
    suggested_rag,
    weighted_percent,
)
from wellboard.strategy.models import Action, DeliveryStatus, Plan, Priority, ProgressUpdate, Theme
from wellboard.strategy.querysets import PlanPartQuerySet


@dataclass
class ActionState:
    action: Action
    status: str
    stale: bool
    percent: int
    suggested: str
    latest: ProgressUpdate | None


@dataclass
class PriorityState:
    priority: Priority
    actions: list[ActionState]
    counts: StatusCounts = field(default_factory=StatusCounts)
    percent: float | None = None


@dataclass
class ThemeState:
    theme: Theme
    priorities: list[PriorityState]
    counts: StatusCounts = field(default_factory=StatusCounts)
    percent: float | None = None


@dataclass
class PlanState:
    plan: Plan
    themes: list[ThemeState]
    counts: StatusCounts = field(default_factory=StatusCounts)
    percent: float | None = None

    def actions(self) -> list[ActionState]:
        return [a for t in self.themes for p in t.priorities for a in p.actions]


def action_queryset(updates_until: date | None = None) -> PlanPartQuerySet[Action]:
    """Actions with everything a delivery page shows, fetched alongside, not per row.

    `updates_until` hides updates dated after it, for a report of the plan as it stood on
    a past date; undated imported notes predate the system and always count.
    """
    # Updates awaiting approval, or returned, do not count until approved.
    updates = ProgressUpdate.objects.counted()
    if updates_until is not None:
        updates = updates.filter(Q(date__isnull=True) | Q(date__lte=updates_until))
    active = Action.objects.filter(archived_at__isnull=True)  # the caller scopes the rest
    return active.select_related("lead_officer", "role_type").prefetch_related(
        "organisation_links__organisation",
        "board_links__board",
        Prefetch("updates", queryset=updates),
    )


def action_state(action: Action, today: date) -> ActionState:
    latest = action.latest_update()
    status = action.status_on(today, latest)
    rag = latest.rag if latest else "not_started"
    own_percent = (
        latest.percent_complete if latest and latest.percent_complete is not None else None
    )
    percent = action_percent(
        own_percent if own_percent is not None else action.percent_complete, rag
    )
    return ActionState(
        action=action,
        status=str(status),
        # A finished action needs no chasing, however long ago its last update was.
        stale=status != DeliveryStatus.COMPLETE and action.is_stale_on(today),
        percent=percent,
        suggested=suggested_rag(percent, action.due_start, action.due_end, today),
        latest=latest,
    )


def _roll_up(
    children: list[ActionState] | list[PriorityState] | list[ThemeState],
    counts: StatusCounts,
) -> float | None:
    pairs: list[tuple[float, float]] = []
    for child in children:
        if isinstance(child, ActionState):
            counts.add(child.status, stale=child.stale)
            pairs.append((child.action.weight, child.percent))
        else:
            counts.merge(child.counts)
            obj = child.priority if isinstance(child, PriorityState) else child.theme
            if child.percent is not None:
                pairs.append((obj.weight, child.percent))
    return weighted_percent(pairs)


def plan_delivery(
    plan: Plan,
    today: date,
    *,
    updates_until: date | None = None,
    prepare: Callable[[list[Action]], None] | None = None,
) -> PlanState:
    """The plan's delivery picture on `today`.

    `prepare` sees every action before statuses are worked out, so that a caller can put
    back fields as they stood on a past date (wellboard.reports.as_of does).
    """
    priorities = Priority.objects.filter(archived_at__isnull=True)
    priorities = priorities.select_related("lead_officer", "sub_plan").prefetch_related(
        Prefetch("actions", queryset=action_queryset(updates_until))
    )
    themes = list(
        Theme.objects.filter(plan=plan, archived_at__isnull=True)
        .select_related("lead_member")
        .prefetch_related(Prefetch("priorities", queryset=priorities))
    )
    delegated = _delegated_actions(plan, themes, updates_until)
    if prepare is not None:
        own = [a for t in themes for p in t.priorities.all() for a in p.actions.all()]
        prepare(own + [a for actions in delegated.values() for a in actions])
    theme_states = []
    for theme in themes:
        priority_states = []
        for priority in theme.priorities.all():
            actions = [*priority.actions.all(), *delegated.get(priority.sub_plan_id, [])]
            state = PriorityState(priority, [action_state(a, today) for a in actions])
            state.percent = _roll_up(state.actions, state.counts)
            priority_states.append(state)
        theme_state = ThemeState(theme, priority_states)
        theme_state.percent = _roll_up(priority_states, theme_state.counts)
        theme_states.append(theme_state)
    plan_state = PlanState(plan, theme_states)
    plan_state.percent = _roll_up(theme_states, plan_state.counts)
    return plan_state


def _delegated_actions(
    plan: Plan, themes: list[Theme], updates_until: date | None
) -> dict[int | None, list[Action]]:
    """The active actions of each plan a priority delegates to, by plan id, in one query.

    A priority "delivered by" another plan (a Staying Healthy action plan, say) counts
    that plan's actions as its own, so they appear under it and in every roll-up above it.
    """
    plan_ids = {
        p.sub_plan_id
        for t in themes
        for p in t.priorities.all()
        if p.sub_plan is not None and p.sub_plan_id != plan.pk and not p.sub_plan.is_archived
    }
    found: dict[int | None, list[Action]] = {}
    if not plan_ids:
        return found
    actions = (
        action_queryset(updates_until)
        .filter(priority__theme__plan_id__in=plan_ids)
        .filter(priority__archived_at__isnull=True, priority__theme__archived_at__isnull=True)
        .select_related("priority__theme")
        .order_by("priority__theme__position", "priority__theme_id", "priority__position",
                  "priority_id", "position", "id")
    )  # fmt: skip
    for action in actions:
        found.setdefault(action.priority.theme.plan_id, []).append(action)
    return found


def delivered_actions(plan: Plan) -> PlanPartQuerySet[Action]:
    """The active actions a plan's roll-up counts: its own and those of delegated plans."""
    delegated = Priority.objects.in_plan(plan).active().exclude(sub_plan=plan)
    sub_plans = delegated.filter(sub_plan__archived_at__isnull=True).values("sub_plan")
    return Action.objects.active().filter(
        Q(priority__theme__plan=plan) | Q(priority__theme__plan__in=sub_plans)
    )
