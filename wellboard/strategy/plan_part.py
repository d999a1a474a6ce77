"""A theme's or a priority's part of the plan, read light for their pages.

`delivery_current.theme_current` reads the part's actions as model instances with their
lead officer, role type, latest update and organisation links: on a 400-action plan that
was more than half of the theme page's CPU time (a theme has 80 actions), for a table
that shows five cells of each. Here the actions are read as values with only the
columns the table and the roll-ups need (the kept delivery columns, strategy/current.py),
and their lead organisations in one more query, as "my actions" reads a lead's actions
(strategy/led.py). The states answer what the pages read of `delivery_current`'s:
counts, weighted percentages, and rows `web/action_table.py` draws;
tests/strategy/test_plan_part.py holds them equal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import F, Q

from wellboard.core.delivery import StatusCounts, weighted_percent
from wellboard.strategy.counted_actions import active_priorities, delegates, in_plans
from wellboard.strategy.current import stale_for, status_for
from wellboard.strategy.led import RoleMark
from wellboard.strategy.link_models import ActionOrganisation
from wellboard.strategy.models import Action, Priority, Theme

COLUMNS = (
    "pk",
    "ref",
    "title",
    "due_text",
    "due_end",
    "ongoing",
    "weight",
    "current_rag",
    "current_percent",
    "last_update_on",
    "priority_id",
    "role_type__name",
    "role_type__colour",
)
ORDER = ("priority__theme__position", "priority__theme_id", "priority__position",
         "priority_id", "position", "id")  # fmt: skip


@dataclass(slots=True)
class PartAction:
    """An action as the action table shows it."""

    pk: int
    ref: str
    title: str
    due_text: str
    role_type: RoleMark | None
    leads: list[str] = field(default_factory=list)

    def lead_labels(self) -> list[str]:
        """The lead organisations by acronym where they have one, as `Action.lead_labels`."""
        return self.leads


@dataclass(frozen=True, slots=True)
class PartState:
    """What the table reads of an `ActionState`, and the weight the roll-up counts by."""

    action: PartAction
    status: str
    stale: bool
    percent: int
    weight: float


@dataclass
class PriorityPart:
    priority: Priority
    actions: list[PartState]
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
    pairs = []
    for child in part.priorities:
        part.counts.merge(child.counts)
        if child.percent is not None:
            pairs.append((child.priority.weight, child.percent))
    part.percent = weighted_percent(pairs)
    return part


def priority_part(priority: Priority, today: date) -> PriorityPart:
    """The priority and its actions (a delegated priority's sub-plan's among them): two
    queries."""
    return _with_rows([priority], priority.theme.plan_id, today)[0]


def _with_rows(priorities: list[Priority], plan_id: int, today: date) -> list[PriorityPart]:
    """`delivery_current._with_actions` with rows: the same actions in the same order."""
    delegated = {p.pk: delegates(p, plan_id) for p in priorities}
    wanted = Q(priority__in=priorities) | in_plans(filter(None, delegated.values()))
    rows = list(
        Action.objects.filter(wanted, archived_at__isnull=True)
        .order_by(*ORDER)
        .values(*COLUMNS, plan=F("priority__theme__plan_id"))
    )
    states = _states(rows, today)
    own: dict[int, list[PartState]] = {}
    by_plan: dict[int, list[PartState]] = {}
    for row, state in zip(rows, states, strict=True):
        if row["priority_id"] in delegated:
            own.setdefault(row["priority_id"], []).append(state)
        else:
            by_plan.setdefault(row["plan"], []).append(state)
    parts = []
    for priority in priorities:
        chosen = own.get(priority.pk, []) + by_plan.get(delegated[priority.pk] or 0, [])
        parts.append(_rolled_up(PriorityPart(priority, chosen)))
    return parts


def _rolled_up(part: PriorityPart) -> PriorityPart:
    """Counts and the weighted percentage, as `delivery._roll_up` over action states."""
    for state in part.actions:
        part.counts.add(state.status, stale=state.stale)
    part.percent = weighted_percent((s.weight, s.percent) for s in part.actions)
    return part


def _states(rows: list[dict[str, Any]], on: date) -> list[PartState]:
    found = {row["pk"]: _action(row) for row in rows}
    _add_leads(found)
    return [_state(found[row["pk"]], row, on) for row in rows]


def _action(row: dict[str, Any]) -> PartAction:
    role = None
    if row["role_type__name"] is not None:
        role = RoleMark(row["role_type__name"], row["role_type__colour"])
    return PartAction(row["pk"], row["ref"], row["title"], row["due_text"], role)


def _state(action: PartAction, row: dict[str, Any], on: date) -> PartState:
    status = status_for(row["current_rag"], row["due_end"], row["ongoing"], on)
    return PartState(
        action=action,
        status=str(status),
        stale=stale_for(status, row["last_update_on"], on),
        percent=int(row["current_percent"]),
        weight=row["weight"],
    )


def _add_leads(found: dict[int, PartAction]) -> None:
    """Each action's lead organisations in the links' own order (`Action.lead_labels`)."""
    if not found:
        return
    ids: Iterable[int] = list(found)
    links = ActionOrganisation.objects.filter(action_id__in=ids, is_lead=True).values_list(
        "action_id", "organisation__acronym", "organisation__name"
    )
    for action_id, acronym, name in links:
        found[action_id].leads.append(acronym or name)
