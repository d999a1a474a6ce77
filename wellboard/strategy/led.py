"""Actions read light, as rows: "my actions", the dashboard, the action list, and a theme's
or priority's actions (members' pages and public ones).

Both "my actions" and the dashboard show every action the signed-in lead officer leads
(a lead of a large plan has a hundred or more) on every visit. Reading them as model
instances with their role type, organisation and board links prefetched was most of the
pages' time (issue #17: Django builds a queryset per action per prefetched relation).
Here the actions are read as values, with the kept delivery columns (strategy/current.py),
their weight and the strategy id they belong to, and their lead organisations and boards
in one query each: three queries, a small object per row. The rows answer what
`web/action_table.py`, the attention order (presenters.py) and the roll-ups
(plan_part.py) read of an `ActionState`. One row type for every page, so none drifts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, F, QuerySet, Window

from wellboard.strategy.current import stale_for, status_for
from wellboard.strategy.link_models import ActionBoard, ActionOrganisation
from wellboard.strategy.models import Action

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
    "role_type__name",
    "role_type__colour",
)


@dataclass(frozen=True, slots=True)
class RoleMark:
    """What the role marker shows of a role type."""

    name: str
    colour: str


@dataclass(slots=True)
class LedAction:
    """An action as the action tables show it, the attention order reads it (due date, last
    update, strategy and boards) and the roll-ups weigh it."""

    pk: int
    ref: str
    title: str
    due_text: str
    due_end: date | None
    last_update_on: date | None
    strategy_id: int
    weight: int
    role_type: RoleMark | None
    leads: list[str] = field(default_factory=list)
    boards: list[int] = field(default_factory=list)

    def lead_labels(self) -> list[str]:
        """The lead organisations by acronym where they have one, as `Action.lead_labels`."""
        return self.leads


@dataclass(frozen=True, slots=True)
class LedState:
    """`ActionState`'s parts these pages read: the status, staleness and percentage."""

    action: LedAction
    status: str
    stale: bool
    percent: int


def led_states(actions: QuerySet[Action], on: date, boards: bool = True) -> list[LedState]:
    """The actions' rows in the queryset's order: two queries, three with the boards (which
    the attention order needs and a plain list does not); one when there are none."""
    rows = list(actions.values(*COLUMNS, strategy=F("priority__theme__plan__strategy_id")))
    return _states(rows, on, boards)


def rows_and_states(
    actions: QuerySet[Action], on: date, **extra: F
) -> list[tuple[dict[str, Any], LedState]]:
    """`led_states` without boards, each beside its row with the `extra` columns asked for
    (the theme and priority pages group the rows by priority and plan)."""
    rows = list(actions.values(*COLUMNS, strategy=F("priority__theme__plan__strategy_id"), **extra))
    return list(zip(rows, _states(rows, on, boards=False), strict=True))


def first_states(actions: QuerySet[Action], on: date, shown: int) -> tuple[list[LedState], int]:
    """The first `shown` rows of an ordered queryset and how many it has in all, counted in
    the same query (a window count), without their boards."""
    rows = list(
        actions.values(
            *COLUMNS,
            strategy=F("priority__theme__plan__strategy_id"),
            total=Window(Count("pk")),
        )[:shown]
    )
    return _states(rows, on, boards=False), int(rows[0]["total"]) if rows else 0


def _states(rows: list[dict[str, Any]], on: date, boards: bool) -> list[LedState]:
    if not rows:
        return []
    found = {row["pk"]: _action(row) for row in rows}
    _add_leads(found)
    if boards:
        _add_boards(found)
    return [_state(found[row["pk"]], row, on) for row in rows]


def _action(row: dict[str, object]) -> LedAction:
    role = None
    if row["role_type__name"] is not None:
        role = RoleMark(str(row["role_type__name"]), str(row["role_type__colour"]))
    return LedAction(
        pk=row["pk"],  # type: ignore[arg-type]
        ref=row["ref"],  # type: ignore[arg-type]
        title=row["title"],  # type: ignore[arg-type]
        due_text=row["due_text"],  # type: ignore[arg-type]
        due_end=row["due_end"],  # type: ignore[arg-type]
        last_update_on=row["last_update_on"],  # type: ignore[arg-type]
        strategy_id=row["strategy"],  # type: ignore[arg-type]
        weight=row["weight"],  # type: ignore[arg-type]
        role_type=role,
    )


def _state(action: LedAction, row: dict[str, object], on: date) -> LedState:
    status = status_for(str(row["current_rag"]), action.due_end, bool(row["ongoing"]), on)
    return LedState(
        action=action,
        status=str(status),
        stale=stale_for(status, action.last_update_on, on),
        percent=int(row["current_percent"]),  # type: ignore[call-overload]
    )


def _ids(found: dict[int, LedAction]) -> Iterable[int]:
    return list(found)


def _add_leads(found: dict[int, LedAction]) -> None:
    """Each action's lead organisations in the plan's order (the links' own ordering)."""
    links = ActionOrganisation.objects.filter(action_id__in=_ids(found), is_lead=True).values_list(
        "action_id", "organisation__acronym", "organisation__name"
    )
    for action_id, acronym, name in links:
        found[action_id].leads.append(acronym or name)


def _add_boards(found: dict[int, LedAction]) -> None:
    links = ActionBoard.objects.filter(action_id__in=_ids(found)).values_list(
        "action_id", "board_id"
    )
    for action_id, board_id in links:
        found[action_id].boards.append(board_id)
