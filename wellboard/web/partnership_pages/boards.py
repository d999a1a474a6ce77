"""Governance boards and the board meeting calendar: dates and papers deadlines.

Members read the calendar; administrators add and edit meetings. A meeting with no board
is a meeting of the Health and Wellbeing Board itself (wellboard/partnerships/meetings.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.partnerships.meeting_forms import BoardMeetingForm
from wellboard.partnerships.meetings import BoardMeeting
from wellboard.partnerships.models import GovernanceBoard, Partnership
from wellboard.rounds.status import rounds_of_meetings
from wellboard.web.partnership_pages.viewer import viewer_for


@dataclass(frozen=True)
class BoardRow:
    """One line of the boards page: a board (None for the HWB itself) and its next meeting."""

    board: GovernanceBoard | None
    name: str
    next_meeting: BoardMeeting | None


@guard("directory.boards", Partnership)
def boards(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    viewer = viewer_for(request.user, partnership)
    upcoming = list(
        BoardMeeting.objects.filter(partnership=partnership).upcoming().select_related("board")
    )
    first: dict[int | None, BoardMeeting] = {}
    for meeting in upcoming:
        first.setdefault(meeting.board_id, meeting)
    rows = [BoardRow(None, partnership.name, first.get(None))] + [
        BoardRow(board, board.name, first.get(board.pk))
        for board in partnership.boards.order_by("name")
    ]
    context = {
        "viewer": viewer,
        "partnership": partnership,
        "rows": rows,
        "upcoming": upcoming,
        "rounds": rounds_of_meetings(request.user, upcoming),
    }
    return render(request, "partnerships/boards.jinja", context)


@guard("directory.boards", GovernanceBoard)
def board(request: HttpRequest, board: GovernanceBoard) -> HttpResponse:
    viewer = viewer_for(request.user, board.partnership)
    meetings = BoardMeeting.objects.of(board)
    upcoming, past = list(meetings.upcoming()), list(meetings.past()[:12])
    context = {
        "viewer": viewer,
        "partnership": board.partnership,
        "board": board,
        "upcoming": upcoming,
        "past": past,
        "rounds": rounds_of_meetings(request.user, upcoming + past),
        "members": board.members.select_related("organisation").order_by("name"),
        "groups": board.working_groups.order_by("name"),
    }
    return render(request, "partnerships/board.jinja", context)


@guard("directory.edit", Partnership, methods=("GET", "POST"))
def meeting_new(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    board = request.GET.get("board", "")
    initial = {"board": int(board)} if board.isdigit() else {}
    form = BoardMeetingForm(request.POST or None, partnership=partnership, initial=initial)
    if request.method == "POST" and form.is_valid():
        meeting = form.save()
        messages.success(request, f"Added the meeting of {meeting}.")
        return _back_to(meeting)
    context = {"partnership": partnership, "form": form, "meeting": None}
    status = 400 if form.errors else 200
    return render(request, "partnerships/meeting_form.jinja", context, status=status)


@guard("directory.edit", BoardMeeting, methods=("GET", "POST"))
def meeting_edit(request: HttpRequest, meeting: BoardMeeting) -> HttpResponse:
    partnership = meeting.partnership
    form = BoardMeetingForm(request.POST or None, instance=meeting, partnership=partnership)
    if request.method == "POST" and form.is_valid() and form.save_or_report():
        messages.success(request, f"Saved the meeting of {meeting}.")
        return _back_to(meeting)
    context = {"partnership": partnership, "form": form, "meeting": meeting}
    status = 409 if form.stale else 400 if form.errors else 200
    return render(request, "partnerships/meeting_form.jinja", context, status=status)


def _back_to(meeting: BoardMeeting) -> HttpResponse:
    if meeting.board_id:
        return redirect("partnerships:board", meeting.board_id)
    return redirect("partnerships:boards", meeting.partnership_id)
