"""Turn delivery states into what the pages show: bars, keys, attention order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from wellboard.core.delivery import StatusCounts
from wellboard.strategy.delivery import ActionState
from wellboard.strategy.models import (
    ROLE_TYPE_COLOURS,
    DeliveryStatus,
    Milestone,
    Plan,
    RoleType,
)

DUE_SOON = timedelta(days=30)
STATUS_LABELS = dict(DeliveryStatus.choices)


def today() -> date:
    """The board's local date: the one place pages ask, so tests can pin it."""
    return timezone.localdate()


@dataclass(frozen=True)
class Segment:
    status: str
    label: str
    count: int
    percent: float


def bar(counts: StatusCounts) -> list[Segment]:
    """Segments of a stacked bar in the order boards read them; empty ones left out."""
    total = counts.total
    return [
        Segment(status, STATUS_LABELS[status], count, 100.0 * count / total)
        for status, count in counts.ordered()
        if count and total
    ]


def role_key() -> list[tuple[str, str, str]]:
    return [(str(role), role.label, colour) for role, colour in ROLE_TYPE_COLOURS.items()]


def role_label(value: str) -> str:
    return RoleType(value).label if value in RoleType.values else ""


def next_milestones(plan: Plan, on: date, limit: int = 5) -> list[Milestone]:
    return list(
        Milestone.objects.filter(
            action__priority__theme__plan=plan, done_on__isnull=True, due_end__gte=on
        )
        .select_related("action")
        .order_by("due_end", "id")[:limit]
    )


def attention_rank(state: ActionState, on: date) -> tuple[int, date]:
    """Overdue first, then due within 30 days, then no update for 90 days, then the rest."""
    due = state.action.due_end or date.max
    if state.status == DeliveryStatus.OVERDUE:
        return (0, due)
    if state.status != DeliveryStatus.COMPLETE and due != date.max and due - on <= DUE_SOON:
        return (1, due)
    if state.stale and state.status != DeliveryStatus.COMPLETE:
        return (2, due)
    return (3, due)


ATTENTION_LABELS = {
    0: "Overdue",
    1: "Due within 30 days",
    2: "No update for 90 days",
    3: "On the books",
}
