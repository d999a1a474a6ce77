"""The demo's board meeting calendar, dated from the day the demo is loaded.

The Health and Wellbeing Board meets two weeks after loading (so an update round opening
21 days before it is open on the day), met six weeks before, and meets again in ten; three
of its governance boards have meetings in the coming weeks. Added once: a partnership that
already has meetings keeps its own.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from wellboard.partnerships.models import BoardMeeting, GovernanceBoard, Partnership

LOCATION = "Council Chamber, County Hall"
# (board short name, or "" for the Health and Wellbeing Board itself; days from today)
MEETINGS = [
    ("", -42),
    ("", 14),
    ("", 84),
    ("SHP", 21),
    ("SHP", 112),
    ("CYPC Board", 35),
    ("AWPB", 28),
]


def add_calendar(partnership: Partnership, today: dt.date | None = None) -> int:
    """Create the demo's meetings unless the partnership has some; how many were made."""
    if BoardMeeting.objects.filter(partnership=partnership).exists():
        return 0
    today = today or timezone.localdate()
    boards = {b.short_name: b for b in GovernanceBoard.objects.filter(partnership=partnership)}
    made = [
        BoardMeeting(
            partnership=partnership,
            board=boards.get(short) if short else None,
            date=today + dt.timedelta(days=days),
            papers_deadline=today + dt.timedelta(days=days - 7),
            location=LOCATION if not short else "",
            notes="Quarterly delivery report" if not short else "",
        )
        for short, days in MEETINGS
        if not short or short in boards
    ]
    BoardMeeting.objects.bulk_create(made)
    return len(made)
