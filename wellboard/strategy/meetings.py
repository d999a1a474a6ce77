"""When the boards overseeing a strategy last met, derived from the reports kept for them.

Wellboard learns of a board meeting when a report is saved as the snapshot of what that
meeting was sent (`wellboard.reports.models.ReportSnapshot`: `meeting_date`, and `board`,
blank for the Health and Wellbeing Board itself). Deriving meetings from those rows keeps
one record of them instead of a second list that administrators would have to keep in
step. The snapshots are reached through the reverse relation `Strategy.reports`, so this
module needs no import of the reports app (which itself builds on this one).

An action is answerable to the Health and Wellbeing Board and to the governance boards it
is linked to; a sub-board's meeting says nothing about actions it does not oversee.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max

from wellboard.strategy.models import Action, Strategy

BoardKey = tuple[int, int | None]  # (strategy id, governance board id or None for the HWB)


@dataclass(frozen=True)
class LastMeetings:
    """The latest meeting on or before a day for each (strategy, board) that has one."""

    by_board: dict[BoardKey, date] = field(default_factory=dict)

    def for_action(self, action: Action, strategy_id: int) -> date | None:
        """The latest meeting of the HWB or of a board the action reports to, if recorded.

        Reads `action.board_links` through the prefetch that delivery pages already make.
        """
        boards: list[int | None] = [None, *(link.board_id for link in action.board_links.all())]
        found = [self.by_board.get((strategy_id, board)) for board in boards]
        return max((d for d in found if d is not None), default=None)


def last_meetings(strategy_ids: Iterable[int], on: date) -> LastMeetings:
    """One query, however many strategies, boards and meetings there are.

    A meeting dated after `on` has not happened yet: its report may be out before the day.
    """
    rows = (
        Strategy.objects.filter(pk__in=set(strategy_ids), reports__meeting_date__lte=on)
        .values("pk", "reports__board")
        .annotate(last=Max("reports__meeting_date"))
        .order_by()
    )
    return LastMeetings({(row["pk"], row["reports__board"]): row["last"] for row in rows})


def updated_since(action: Action, meeting: date) -> bool:
    """Whether a dated update came after the meeting.

    An update dated on the meeting day may be what the meeting was sent, so it does not
    count: the same test as the exception report's "no update since the previous meeting".
    Undated imported notes predate the system and never count.
    """
    return any(u.date and u.date > meeting for u in action.updates.all())


def strategy_id(action: Action) -> int:
    """The strategy an action belongs to, through the select_related chain pages load."""
    return action.priority.theme.plan.strategy_id
