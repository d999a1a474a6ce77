"""The board meeting calendar: papers deadlines and the queries update rounds build on."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from tests.factories import BoardFactory, BoardMeetingFactory, PartnershipFactory
from wellboard.partnerships.meetings import BoardMeeting

pytestmark = pytest.mark.django_db
TODAY = dt.date(2027, 1, 10)


def test_papers_are_due_a_week_before_unless_given() -> None:
    meeting = BoardMeetingFactory(date=dt.date(2027, 3, 18))
    assert meeting.papers_deadline == dt.date(2027, 3, 11)
    other = BoardMeetingFactory(date=dt.date(2027, 3, 18), papers_deadline=dt.date(2027, 3, 4))
    assert other.papers_deadline == dt.date(2027, 3, 4)


def test_papers_cannot_be_due_after_the_meeting() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        BoardMeetingFactory(date=dt.date(2027, 3, 18), papers_deadline=dt.date(2027, 3, 19))


def test_upcoming_is_today_onwards_soonest_first() -> None:
    board = BoardFactory()
    later = BoardMeetingFactory(board=board, date=dt.date(2027, 5, 1))
    today = BoardMeetingFactory(board=board, date=TODAY)
    BoardMeetingFactory(board=board, date=dt.date(2027, 1, 9))
    assert list(BoardMeeting.objects.upcoming(TODAY)) == [today, later]
    assert [m.date for m in BoardMeeting.objects.past(TODAY)] == [dt.date(2027, 1, 9)]


def test_next_for_a_board_and_for_the_health_and_wellbeing_board() -> None:
    partnership = PartnershipFactory()
    board = BoardFactory(partnership=partnership)
    other_board = BoardFactory(partnership=partnership)
    BoardMeetingFactory(board=other_board, date=dt.date(2027, 1, 20))
    ours = BoardMeetingFactory(board=board, date=dt.date(2027, 2, 1))
    BoardMeetingFactory(board=board, date=dt.date(2027, 4, 1))
    main = BoardMeetingFactory(board=None, partnership=partnership, date=dt.date(2027, 3, 1))
    assert BoardMeeting.objects.next_for(board, on=TODAY) == ours
    assert BoardMeeting.objects.next_for(partnership, on=TODAY) == main
    assert BoardMeeting.objects.next_for(partnership, on=dt.date(2027, 3, 2)) is None
    assert main.board_name == partnership.name and main.is_main_board
    assert str(ours) == f"{board.name}, 1 February 2027"


def test_papers_due_leaves_out_meetings_whose_deadline_has_passed() -> None:
    board = BoardFactory()
    BoardMeetingFactory(board=board, date=dt.date(2027, 1, 14))  # papers were due 7 January
    open_ = BoardMeetingFactory(board=board, date=dt.date(2027, 1, 17))  # due 10 January
    assert list(BoardMeeting.objects.papers_due(TODAY)) == [open_]
