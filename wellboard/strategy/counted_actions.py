"""Which actions a plan's priorities count, and their counts by status from one query.

A priority counts its own active actions, or, when it delegates its delivery to an
active sub-plan, that plan's active actions as its own. Every page that shows a plan's
picture reads the same rule: the members' overview and plan pages
(`delivery_current.plan_summary`, `plan_outline`), the theme and priority pages
(`plan_part`) and the public pages (`public_reading`). They read it from here, so the
rule and the counting query are written once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Sum, Value, When

from wellboard.core.delivery import StatusCounts
from wellboard.strategy.current import stale_q, status_expression
from wellboard.strategy.models import Action, Priority, Theme

# A row of the grouped count: priority, plan, status, actions, stale ones, their weights
# and the sum of weight x percentage (SUM is NULL in SQL where nothing is summed).
Grouped = tuple[int, int, str, int, int | None, int | None, int | None]


def active_priorities(themes: Iterable[Theme]) -> QuerySet[Priority]:
    """The themes' active priorities in plan order, with lead officer and sub-plan."""
    return (
        Priority.objects.filter(theme__in=list(themes), archived_at__isnull=True)
        .select_related("lead_officer", "sub_plan")
        .order_by("theme__position", "theme_id", "position", "id")
    )


def delegated_plan(sub_plan_id: int | None, sub_plan_archived: bool, plan_id: int) -> int | None:
    """The plan whose actions a priority of plan `plan_id` counts as its own, if any: its
    sub-plan, unless it has none, names its own plan, or the sub-plan is archived."""
    if sub_plan_id is None or sub_plan_id == plan_id or sub_plan_archived:
        return None
    return sub_plan_id


def delegates(priority: Priority, plan_id: int) -> int | None:
    """`delegated_plan` of a priority read with its sub-plan (`active_priorities`)."""
    sub = priority.sub_plan
    return delegated_plan(priority.sub_plan_id, sub is not None and sub.is_archived, plan_id)


def in_plans(plan_ids: Iterable[int]) -> Q:
    """Active actions of active priorities and themes of the plans."""
    return Q(
        archived_at__isnull=True,
        priority__archived_at__isnull=True,
        priority__theme__archived_at__isnull=True,
        priority__theme__plan_id__in=list(plan_ids),
    )


def priority_counts(
    plan_id: int, delegated: Mapping[int, int | None], today: date
) -> dict[int, tuple[StatusCounts, float | None]]:
    """Each priority's status counts and weighted percentage, keyed as `delegated` (a
    priority of plan `plan_id` -> the plan it delegates to, or None): one grouped query
    over the plan's actions and those of the plans delegated to."""
    plan_ids = {plan_id, *filter(None, delegated.values())}
    by_priority: dict[int, list[Grouped]] = {}
    by_plan: dict[int, list[Grouped]] = {}
    for row in _grouped(Action.objects.filter(in_plans(plan_ids)), today):
        if row[1] == plan_id:
            by_priority.setdefault(row[0], []).append(row)
        by_plan.setdefault(row[1], []).append(row)
    return {
        pk: _summed(by_priority.get(pk, []) + by_plan.get(sub or 0, []))
        for pk, sub in delegated.items()
    }


def _grouped(actions: QuerySet[Action], today: date) -> list[Grouped]:
    """The actions counted in the database by priority, plan and status, with how many are
    stale, their weights and their weighted percentages, as tuples (`Grouped`)."""
    stale = Case(When(stale_q(today), then=Value(1)), default=Value(0), output_field=IntegerField())
    return list(
        actions.annotate(status=status_expression(today))
        .values_list("priority_id", "priority__theme__plan_id", "status")
        .annotate(
            n=Count("id"),
            stale=Sum(stale),
            weights=Sum("weight"),
            weighted=Sum(F("weight") * F("current_percent"), output_field=IntegerField()),
        )
        .order_by()
    )


def _summed(rows: list[Grouped]) -> tuple[StatusCounts, float | None]:
    """One priority's grouped rows added up: its status counts and weighted percentage."""
    counts = StatusCounts()
    weight = weighted = 0
    for _priority, _plan, status, n, stale, weights, percents in rows:
        counts.counts[status] += n
        counts.stale += stale or 0
        weight += weights or 0
        weighted += percents or 0
    return counts, weighted / weight if weight else None
