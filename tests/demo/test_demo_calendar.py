"""The demo's board meeting calendar: upcoming meetings from the day it is loaded."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from wellboard.partnerships.models import BoardMeeting, Partnership

pytestmark = pytest.mark.django_db


def test_the_demo_has_upcoming_meetings_of_the_hwb_and_its_boards() -> None:
    call_command("demo", stdout=StringIO())
    partnership = Partnership.objects.get()
    today = timezone.localdate()
    main = BoardMeeting.objects.next_for(partnership)
    assert main is not None and main.date == today + dt.timedelta(days=14)
    assert main.papers_deadline == today + dt.timedelta(days=7)
    assert BoardMeeting.objects.past().filter(board__isnull=True).exists()
    boards = {m.board.short_name for m in BoardMeeting.objects.upcoming() if m.board}
    assert boards == {"SHP", "CYPC Board", "AWPB"}


def test_loading_the_demo_again_keeps_one_calendar() -> None:
    call_command("demo", stdout=StringIO())
    count = BoardMeeting.objects.count()
    call_command("demo", stdout=StringIO())
    assert BoardMeeting.objects.count() == count == 7
