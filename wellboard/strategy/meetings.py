"""When the boards overseeing a strategy last met, derived from the reports kept for them.

Wellboard learns of a board meeting when a report is saved as the snapshot of what that
meeting was sent (`wellboard.reports.models.ReportSnapshot`: `meeting_date`, and `board`,
blank for the Health and Wellbeing Board itself). Deriving meetings from those rows keeps
one record of them instead of a second list that administrators would have to keep in
step. The reports app sits in a layer above this one, so it hands its query over in
`ReportsConfig.ready()` (`record_meetings_from`) and this module never names it.

An action is answerable to the Health and Wellbeing Board and to the governance boards it
is linked to; a sub-board's meeting says nothing about actions it does not oversee.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from wellboard.strategy.models import Action

BoardKey = tuple[int, int | None]  # (strategy id, governance board id or None for the HWB)
# Given strategy ids and a day: (strategy id, board id or None, the last meeting by then).
MeetingSource = Callable[[set[int], date], Iterable[tuple[int, int | None, date]]]
_SOURCES: list[MeetingSource] = []


def record_meetings_from(source: MeetingSource) -> None:
    """Register where meetings are recorded, from the recording app's ``ready()``."""
    if source not in _SOURCES:
        _SOURCES.append(source)


@dataclass(frozen=True)
class LastMeetings:
    """The latest meeting on or before a day for each (strategy, board) that has one."""

    by_board: dict[BoardKey, date] = field(default_factory=dict)

    def for_action(self, action: Action, strategy_id: int) -> date | None:
        """The latest meeting of the HWB or of a board the action reports to, if recorded.

        Reads `action.board_links` through the prefetch that delivery pages already make.
        """
        return self.for_boards(strategy_id, [link.board_id for link in action.board_links.all()])

    def for_boards(self, strategy_id: int, board_ids: Iterable[int]) -> date | None:
        """The same for an action read as values, given the boards it reports to."""
        boards: list[int | None] = [None, *board_ids]
        found = [self.by_board.get((strategy_id, board)) for board in boards]
        return max((d for d in found if d is not None), default=None)


def last_meetings(strategy_ids: Iterable[int], on: date) -> LastMeetings:
    """One query per source, however many strategies, boards and meetings there are.

    A meeting dated after `on` has not happened yet: its report may be out before the day.
    """
    ids = set(strategy_ids)
    found: dict[BoardKey, date] = {}
    for source in _SOURCES:
        for strategy, board, day in source(ids, on):
            found[(strategy, board)] = max(day, found.get((strategy, board), day))
    return LastMeetings(found)


def updated_since(last_update_on: date | None, meeting: date) -> bool:
    """Whether a dated update came after the meeting.

    An update dated on the meeting day may be what the meeting was sent, so it does not
    count: the same test as the exception report's "no update since the previous meeting".
    Undated imported notes predate the system and never count. Read from the action's kept
    date of its newest dated counted update (strategy/delivery_cache.py, `last_update_on`),
    not its updates.
    """
    return last_update_on is not None and last_update_on > meeting


def strategy_id(action: Action) -> int:
    """The strategy an action belongs to, through the select_related chain pages load."""
    return action.priority.theme.plan.strategy_id
