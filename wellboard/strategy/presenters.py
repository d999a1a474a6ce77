"""Turn delivery states into what the pages show: bars, keys, attention order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from wellboard.core.delivery import StatusCounts
from wellboard.strategy.led import LedState
from wellboard.strategy.meetings import LastMeetings, updated_since
from wellboard.strategy.models import DeliveryStatus, Milestone, Plan, RoleType

DUE_SOON = timedelta(days=30)
ON_THE_BOOKS = "On the books"
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


def role_key(partnership_id: int) -> list[RoleType]:
    """The partnership's role types in its order, for the key beside role markers."""
    return list(RoleType.objects.filter(partnership_id=partnership_id))


def next_milestones(plan: Plan, on: date, limit: int = 5) -> list[Milestone]:
    return list(
        Milestone.objects.in_plan(plan)
        .filter(done_on__isnull=True, due_end__gte=on)
        .select_related("action")
        .order_by("due_end", "id")[:limit]
    )


@dataclass(frozen=True)
class Attention:
    """Where an action stands in "my actions": the group it is shown under, and its order."""

    rank: int
    due: date
    label: str

    @property
    def key(self) -> tuple[int, date]:
        return (self.rank, self.due)


def no_update_label(last_meeting: date | None) -> str:
    if last_meeting is None:
        return "No update for 90 days"
    return f"No update since the last board meeting ({last_meeting.strftime('%-d %B %Y')})"


def attention(state: LedState, on: date, last_meeting: date | None = None) -> Attention:
    """Overdue first, then due within 30 days, then silent since the last board meeting.

    The order issue #4 names. Without a recorded meeting (see strategy/meetings.py)
    "silent" falls back to the 90-day rule the strategy overview counts.
    """
    due = state.action.due_end or date.max
    if state.status == DeliveryStatus.OVERDUE:
        return Attention(0, due, "Overdue")
    if state.status == DeliveryStatus.COMPLETE:
        return Attention(3, due, ON_THE_BOOKS)
    if due != date.max and due - on <= DUE_SOON:
        return Attention(1, due, "Due within 30 days")
    silent = (
        state.stale
        if last_meeting is None
        else not updated_since(state.action.last_update_on, last_meeting)
    )
    if silent:
        return Attention(2, due, no_update_label(last_meeting))
    return Attention(3, due, ON_THE_BOOKS)


def attention_groups(
    states: list[LedState], on: date, meetings: LastMeetings
) -> dict[str, list[LedState]]:
    """Actions grouped under their attention labels, most urgent group and action first."""
    ranked = sorted(
        (
            (attention(s, on, meetings.for_boards(s.action.strategy_id, s.action.boards)), s)
            for s in states
        ),
        key=lambda pair: (pair[0].key, pair[1].action.pk),
    )
    groups: dict[str, list[LedState]] = {}
    for found, state in ranked:
        groups.setdefault(found.label, []).append(state)
    return groups
