"""A theme's or a priority's part of the plan, read light for their pages.

`delivery_current.theme_current` reads the part's actions as model instances with their
lead officer, role type, latest update and organisation links: on a 400-action plan that
was more than half of the theme page's CPU time (a theme has 80 actions), for a table
that shows five cells of each. Here the actions are the rows every light page reads
(strategy/led.py: values with the kept delivery columns, and their lead organisations in
one more query); `priority_actions` picks them for the members' pages and the public
theme page (public_reading.py). The parts answer what the pages read of
`delivery_current`'s states: counts, weighted percentages, and rows `web/action_table.py`
draws; tests/strategy/test_plan_part.py holds them equal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, Q

from wellboard.core.delivery import StatusCounts, rolled_up, weighted_percent
from wellboard.strategy.counted_actions import active_priorities, delegates, in_plans
from wellboard.strategy.led import LedState, rows_and_states
from wellboard.strategy.models import Action, Priority, Theme

ORDER = ("priority__theme__position", "priority__theme_id", "priority__position",
         "priority_id", "position", "id")  # fmt: skip


@dataclass
class PriorityPart:
    priority: Priority
    actions: list[LedState]
    counts: StatusCounts = field(default_factory=StatusCounts)
    percent: float | None = None


@dataclass
class ThemePart:
    theme: Theme
    priorities: list[PriorityPart]
    counts: StatusCounts = field(default_factory=StatusCounts)
    percent: float | None = None


def theme_part(theme: Theme, today: date) -> ThemePart:
    """The theme's priorities and their actions, in plan order: three queries."""
    priorities = list(active_priorities([theme]).select_related("theme"))
    part = ThemePart(theme, _with_rows(priorities, theme.plan_id, today))
    children = [(p.priority.weight, p.counts, p.percent) for p in part.priorities]
    part.percent = rolled_up(part.counts, children)
    return part


def priority_part(priority: Priority, today: date) -> PriorityPart:
    """The priority and its actions (a delegated priority's sub-plan's among them): two
    queries."""
    return _with_rows([priority], priority.theme.plan_id, today)[0]


def _with_rows(priorities: list[Priority], plan_id: int, today: date) -> list[PriorityPart]:
    """`delivery_current._with_actions` with rows: the same actions in the same order."""
    delegated = {p.pk: delegates(p, plan_id) for p in priorities}
    own, by_plan = priority_actions(list(delegated), filter(None, delegated.values()), today)
    parts = []
    for priority in priorities:
        chosen = own.get(priority.pk, []) + by_plan.get(delegated[priority.pk] or 0, [])
        parts.append(_rolled_up(PriorityPart(priority, chosen)))
    return parts


def priority_actions(
    own_ids: list[int], plan_ids: Iterable[int], on: date
) -> tuple[dict[int, list[LedState]], dict[int, list[LedState]]]:
    """The active actions of priorities `own_ids`, by priority, and of the plans they
    delegate to, by plan, in plan order: one query for the rows, one for their lead
    organisations (none without priorities)."""
    own: dict[int, list[LedState]] = {}
    by_plan: dict[int, list[LedState]] = {}
    if not own_ids:
        return own, by_plan
    wanted = Q(priority_id__in=own_ids) | in_plans(plan_ids)
    actions = Action.objects.filter(wanted, archived_at__isnull=True).order_by(*ORDER)
    mine = set(own_ids)
    found = rows_and_states(
        actions, on, of_priority=F("priority_id"), of_plan=F("priority__theme__plan_id")
    )
    for row, state in found:
        if row["of_priority"] in mine:
            own.setdefault(row["of_priority"], []).append(state)
        else:
            by_plan.setdefault(row["of_plan"], []).append(state)
    return own, by_plan


def _rolled_up(part: PriorityPart) -> PriorityPart:
    """Counts and the weighted percentage, as `delivery._roll_up` over action states."""
    for state in part.actions:
        part.counts.add(state.status, stale=state.stale)
    part.percent = weighted_percent((s.action.weight, s.percent) for s in part.actions)
    return part
