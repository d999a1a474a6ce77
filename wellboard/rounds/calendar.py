"""Rounds from the board meeting calendar: every meeting ahead gets its round.

A meeting whose dates cannot make a round (papers due on the day of the meeting) is
skipped and logged; the officer can still open one by hand with other dates.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import IntegrityError
from django.utils import timezone

from wellboard.partnerships.models import BoardMeeting
from wellboard.rounds.schedule import ScheduleError
from wellboard.rounds.services import plan_for_meeting

logger = logging.getLogger(__name__)


def plan_upcoming(now: datetime) -> int:
    """Create (or move) the rounds of meetings still ahead; returns how many were seen."""
    seen = 0
    today = timezone.localdate(now)
    meetings = BoardMeeting.objects.filter(date__gt=today).select_related("partnership", "board")
    for meeting in meetings:
        try:
            plan_for_meeting(meeting)
        except (ScheduleError, IntegrityError) as error:
            logger.warning("No update round for %s: %s", meeting, error)
            continue
        seen += 1
    return seen
