"""The signed-in home page: what needs this person's attention today.

Each part is asked of the permission layer, never of a role: the actions the user leads
(those needing an update first), overdue work in the partnerships they belong to, the
updates waiting for their approval, and their strategies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, QuerySet, Window

from wellboard.accounts.permissions import led_person_ids, partnerships_where, scoped
from wellboard.partnerships.meetings import BoardMeeting
from wellboard.strategy.approvals import pending_proposals, pending_reviews
from wellboard.strategy.current import overdue_q
from wellboard.strategy.led import LedState, first_states, led_states
from wellboard.strategy.meetings import last_meetings
from wellboard.strategy.models import Action, Strategy, UpdateReview
from wellboard.strategy.presenters import ON_THE_BOOKS, attention_groups

SHOWN = 10  # rows per list; each list links to the full page
REVIEW_SHOWN = (
    "update__date",
    "update__author_name",
    "update__action__ref",
    "update__action__title",
)
STRATEGY_SHOWN = ("title", "period_start", "period_end", "published", "partnership__name")


@dataclass
class Dashboard:
    strategies: list[Strategy]
    needing_update: dict[str, list[LedState]] = field(default_factory=dict)
    needing_update_count: int = 0
    overdue: list[LedState] = field(default_factory=list)
    overdue_count: int = 0
    approvals: list[UpdateReview] = field(default_factory=list)
    approvals_count: int = 0
    proposals_count: int = 0
    meetings: list[BoardMeeting] = field(default_factory=list)
    calendar_partnership: int | None = None  # whose calendar the page links to
    may_lead: bool = False
    may_approve: bool = False
    may_import: bool = False


def _active(user: Any) -> QuerySet[Action]:
    return scoped(Action, user, Action.objects.filter(archived_at__isnull=True))


def _led(user: Any, on: date) -> list[LedState]:
    """The user's own active actions, read as values from their kept delivery columns
    (strategy/led.py): every one is needed to know which groups the first ten are."""
    people = led_person_ids(user)
    if not people:
        return []
    return led_states(_active(user).filter(lead_officer_id__in=people), on)


def _overdue(user: Any, on: date) -> tuple[list[LedState], int]:
    """The first overdue actions of the user's partnerships and how many there are,
    counted and cut in the database, so the page costs the same however large the plans."""
    overdue = _active(user).filter(overdue_q(on)).order_by("due_end", "pk")
    return first_states(overdue, on, SHOWN)


def _approvals(user: Any) -> tuple[list[UpdateReview], int]:
    """The first updates waiting for the user's approval and how many wait, in one query
    (a window count), with only the columns the list shows: not the whole chain of
    action, lead officer, priority, theme, plan and strategy rows `pending_reviews` joins
    for the approvals page."""
    shown = list(
        pending_reviews(user)
        .select_related(None)
        .select_related("update__action")
        .only(*REVIEW_SHOWN)
        .annotate(total=Window(Count("pk")))[:SHOWN]
    )
    total = int(shown[0].total) if shown else 0
    return list[UpdateReview](shown), total


def _next_meetings(user: Any, on: date) -> list[BoardMeeting]:
    """The next meeting of each board in the user's partnerships (the HWB's first)."""
    upcoming = scoped(BoardMeeting, user, BoardMeeting.objects.upcoming(on)).select_related(
        "board", "partnership"
    )
    first: dict[tuple[int, int | None], BoardMeeting] = {}
    for meeting in upcoming[:50]:
        first.setdefault((meeting.partnership_id, meeting.board_id), meeting)
    return sorted(first.values(), key=lambda m: (m.board_id is not None, m.date, m.pk))[:4]


def dashboard(user: Any, on: date) -> Dashboard:
    board = Dashboard(
        strategies=list(scoped(Strategy, user).select_related("partnership").only(*STRATEGY_SHOWN)),
        may_lead=bool(partnerships_where(user, "my_actions.view")),
        may_approve=bool(partnerships_where(user, "update.review")),
        may_import=bool(partnerships_where(user, "import.run")),
    )
    board.meetings = _next_meetings(user, on)
    calendars = partnerships_where(user, "directory.boards")
    board.calendar_partnership = calendars[0] if calendars else None
    led = _led(user, on) if board.may_lead else []
    if led:
        meetings = last_meetings({s.action.strategy_id for s in led}, on)
        groups = attention_groups(led, on, meetings)
        groups.pop(ON_THE_BOOKS, None)
        board.needing_update = {k: v[:SHOWN] for k, v in groups.items()}
        board.needing_update_count = sum(len(v) for v in groups.values())
    board.overdue, board.overdue_count = _overdue(user, on)
    if board.may_approve:
        board.approvals, board.approvals_count = _approvals(user)
        board.proposals_count = pending_proposals(user).count()
    return board
