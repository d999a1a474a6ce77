"""The demo's record of what the last board meeting was sent (issue #11.8).

The administrator keeps the delivery plan report, as a Word file showing the plan on the
day of the demo calendar's last past meeting, as that meeting's snapshot: the reports index
then lists a saved report and the board's "last meeting" comes from a record. The reports
app sits beside this one in the layers, so its keeper (reports.snapshots.
keep_meeting_report: produce, then save_snapshot, as the report task does) is handed over
in ``WebConfig.ready()``. Added once: a strategy with a saved report keeps its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User

from wellboard.partnerships.meetings import BoardMeeting
from wellboard.partnerships.models import GovernanceBoard
from wellboard.strategy.models import Strategy

# (strategy, meeting day, board or None for the HWB, the user keeping it) -> the snapshot
Keeper = Callable[[Strategy, dt.date, GovernanceBoard | None, Any], object]
_keeper: list[Keeper] = []


def keep_reports_with(keeper: Keeper) -> None:
    _keeper[:] = [keeper]


def add_meeting_report(strategy: Strategy) -> bool:
    """Keep the last past meeting's report, unless one is kept or no meeting has passed."""
    if not _keeper or strategy.reports.exists():
        return False
    meeting = BoardMeeting.objects.filter(partnership=strategy.partnership).past().first()
    if meeting is None:
        return False
    admin = User.objects.filter(username="admin").first()
    _keeper[0](strategy, meeting.date, meeting.board, admin)
    return True
