"""The plan as it stood on a date: a report for a past meeting shows what the board saw.

Statuses come from `wellboard.strategy.delivery` with the report date as "today", with
the progress updates written later hidden and the actions' own fields (title, due date,
lead officer, ...) put back from the change history as they stood at the end of that day.
Undated imported notes predate the system and stay visible.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from wellboard.history.state import fields_as_of
from wellboard.strategy.delivery import PlanState, plan_delivery
from wellboard.strategy.models import Action, Plan


def end_of_day(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.max))


def restore_action_fields(actions: list[Action], as_of: dt.date) -> None:
    """Put back each action's fields as they were at the end of `as_of`."""
    if as_of >= timezone.localdate():
        return
    earlier = fields_as_of(Action, [a.pk for a in actions], end_of_day(as_of))
    for action in actions:
        for name, value in earlier.get(action.pk, {}).items():
            setattr(action, name, value)


def plan_state_on(plan: Plan, as_of: dt.date) -> PlanState:
    """`plan_delivery` for `as_of`, with later updates hidden and earlier fields restored."""
    return plan_delivery(
        plan,
        as_of,
        updates_until=as_of,
        prepare=lambda actions: restore_action_fields(actions, as_of),
    )
