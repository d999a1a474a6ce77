"""Boards and meetings pages: the calendar for members, its forms for administrators."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import BoardFactory, BoardMeetingFactory
from tests.partnerships.conftest import ADMIN, BOARD, LEAD, Two
from wellboard.partnerships.meetings import BoardMeeting

pytestmark = pytest.mark.django_db


def _soon(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def test_members_see_each_boards_next_meeting_and_papers_deadline(two: Two) -> None:
    board = BoardFactory(partnership=two.ours, name="Staying Healthy Board")
    BoardMeetingFactory(board=board, date=_soon(30), location="Council chamber")
    BoardMeetingFactory(board=board, date=_soon(-3))
    html = two.client_for(BOARD).get(f"/partnerships/{two.ours.pk}/boards/").content.decode()
    assert "Staying Healthy Board" in html and "Council chamber" in html
    assert _soon(30).strftime("%-d %B %Y") in html
    assert _soon(23).strftime("%-d %B %Y") in html  # the papers deadline
    assert _soon(-3).strftime("%-d %B %Y") not in html  # past meetings are not upcoming
    assert "None planned" in html  # the Health and Wellbeing Board itself has none
    assert "Add a meeting" not in html


def test_the_board_page_lists_its_meetings_and_links_the_form_for_administrators(
    two: Two,
) -> None:
    board = BoardFactory(partnership=two.ours)
    meeting = BoardMeetingFactory(board=board, date=_soon(10), notes="Budget item")
    html = two.client_for(ADMIN).get(f"/boards/{board.pk}/").content.decode()
    assert "Budget item" in html
    assert f"/partnerships/{two.ours.pk}/boards/meetings/new/?board={board.pk}" in html
    assert f"/meetings/{meeting.pk}/edit/" in html


def test_an_administrator_adds_a_meeting_with_the_default_papers_deadline(two: Two) -> None:
    board = BoardFactory(partnership=two.ours)
    client = two.client_for(ADMIN)
    url = f"/partnerships/{two.ours.pk}/boards/meetings/new/"
    assert f'value="{board.pk}" selected' in client.get(f"{url}?board={board.pk}").content.decode()
    response = client.post(url, {"board": board.pk, "date": "2027-03-18", "location": "Hall"})
    assert response.status_code == 302 and response["Location"] == f"/boards/{board.pk}/"
    meeting = BoardMeeting.objects.get()
    assert (meeting.partnership, meeting.board) == (two.ours, board)
    assert meeting.papers_deadline == dt.date(2027, 3, 11)


def test_a_meeting_of_the_health_and_wellbeing_board_itself(two: Two) -> None:
    client = two.client_for(ADMIN)
    url = f"/partnerships/{two.ours.pk}/boards/meetings/new/"
    response = client.post(
        url, {"board": "", "date": "2027-03-18", "papers_deadline": "2027-03-01"}
    )
    assert response["Location"] == f"/partnerships/{two.ours.pk}/boards/"
    meeting = BoardMeeting.objects.get()
    assert meeting.board is None and meeting.papers_deadline == dt.date(2027, 3, 1)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"date": "2027-03-18", "papers_deadline": "2027-03-19"}, "on or before the meeting"),
        ({"date": "18th of March"}, "Enter a valid date"),
        ({"date": "2027-03-18", "board": "THEIRS"}, "Select a valid choice"),
        ({"date": "2027-02-01"}, "already has a meeting on this day"),
    ],
)
def test_bad_meetings_get_a_form_error_and_save_nothing(
    two: Two, data: dict[str, str], error: str
) -> None:
    BoardMeetingFactory(board=None, partnership=two.ours, date=dt.date(2027, 2, 1))
    if data.get("board") == "THEIRS":
        data["board"] = str(BoardFactory(partnership=two.theirs).pk)
    url = f"/partnerships/{two.ours.pk}/boards/meetings/new/"
    response = two.client_for(ADMIN).post(url, data)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert BoardMeeting.objects.count() == 1


def test_editing_a_meeting_refuses_a_stale_form(two: Two) -> None:
    board = BoardFactory(partnership=two.ours)
    meeting = BoardMeetingFactory(board=board, date=dt.date(2027, 3, 18))
    client = two.client_for(ADMIN)
    url = f"/meetings/{meeting.pk}/edit/"
    assert 'name="version" value="1"' in client.get(url).content.decode()
    first = {"board": board.pk, "date": "2027-03-25", "version": "1"}
    assert client.post(url, first).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.date, meeting.version) == (dt.date(2027, 3, 25), 2)
    second = {"board": board.pk, "date": "2027-04-01", "location": "Late", "version": "1"}
    response = client.post(url, second)
    assert response.status_code == 409
    assert "Someone else saved this record" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.date == dt.date(2027, 3, 25) and meeting.location == ""
    # The form now carries the current version: saving again is a deliberate overwrite.
    assert 'name="version" value="2"' in response.content.decode()
    assert client.post(url, {**second, "version": "2"}).status_code == 302


@pytest.mark.parametrize("role", [LEAD, BOARD])
def test_only_administrators_may_add_or_edit_meetings(two: Two, role: str) -> None:
    meeting = BoardMeetingFactory(board=BoardFactory(partnership=two.ours))
    client = two.client_for(role)
    new = f"/partnerships/{two.ours.pk}/boards/meetings/new/"
    assert client.post(new, {"date": "2027-03-18"}).status_code == 403
    edit = f"/meetings/{meeting.pk}/edit/"
    assert client.post(edit, {"date": "2027-03-18", "version": "1"}).status_code == 403
    assert BoardMeeting.objects.count() == 1


def test_another_partnerships_calendar_is_not_found(two: Two) -> None:
    board = BoardFactory(partnership=two.theirs)
    meeting = BoardMeetingFactory(board=board)
    client = two.client_for(ADMIN)
    for path in [
        f"/partnerships/{two.theirs.pk}/boards/",
        f"/boards/{board.pk}/",
        f"/partnerships/{two.theirs.pk}/boards/meetings/new/",
        f"/meetings/{meeting.pk}/edit/",
    ]:
        assert client.get(path).status_code == 404, path
