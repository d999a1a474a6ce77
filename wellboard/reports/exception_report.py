"""The exception report for a governance board meeting.

Lists the actions a board needs to discuss: red, overdue, or silent since the previous
meeting, grouped by lead organisation so each partner answers for its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wellboard.core.delivery import STATUS_WORDS
from wellboard.partnerships.meetings import BoardMeeting
from wellboard.reports import rows
from wellboard.reports.common import new_report
from wellboard.reports.document import Cell, Heading, Paragraph, Report, Table
from wellboard.reports.models import ReportSnapshot
from wellboard.reports.params import ReportParams
from wellboard.reports.rows import format_date
from wellboard.reports.selection import select
from wellboard.strategy.delivery import ActionState

NO_LEAD = "No lead organisation named"
COLUMNS = (
    "No.",
    "Action",
    "Lead officer",
    "Completion date",
    "Status",
    "Why listed",
    "Last update",
)
WIDTHS = (6, 24, 11, 10, 10, 14, 25)


@dataclass(frozen=True)
class PreviousMeeting:
    """The meeting before the report's date, and where that date comes from."""

    day: date | None
    source: str = ""


def previous_meeting(params: ReportParams) -> PreviousMeeting:
    """The date given; else the board's latest meeting before the report's date in the
    board meeting calendar (or, for meetings held before the calendar was kept, the
    latest exception report saved for one). None when nothing records a meeting: a date
    is never assumed, since a guessed quarter would list the wrong actions as silent."""
    if params.since:
        return PreviousMeeting(params.since, "the date given for the report")
    board = params.board or params.strategy.partnership
    calendar = BoardMeeting.objects.of(board).past(params.as_of).values_list("date", flat=True)
    saved = ReportSnapshot.objects.filter(
        strategy=params.strategy,
        kind="exceptions",
        board=params.board,
        meeting_date__lt=params.as_of,
    ).order_by("-meeting_date")
    found = [
        (day, source)
        for day, source in (
            (calendar.first(), "the board meeting calendar"),
            (
                saved.values_list("meeting_date", flat=True).first(),
                "the last saved exception report",
            ),
        )
        if day is not None
    ]
    return PreviousMeeting(*max(found)) if found else PreviousMeeting(None)


def reasons(state: ActionState, since: date | None) -> list[str]:
    """Why the board should discuss the action; with no previous meeting known, silence
    means no dated update at all."""
    if state.status == "complete":
        return []
    found = []
    if state.status == "red":
        found.append(STATUS_WORDS["red"])
    if state.status == "overdue":
        found.append("Past its completion date")
    dated = [u.date for u in state.action.updates.all() if u.date]
    if not dated:
        found.append("No update recorded")
    elif since is not None and max(dated) <= since:
        found.append(f"No update since {format_date(since)}")
    return found


def last_update_cell(state: ActionState) -> Cell:
    update = rows.last_update(state.action)
    return Cell.of(rows.update_line(update) if update else "No update recorded.")


def exception_row(state: ActionState, why: list[str]) -> tuple[Cell, ...]:
    officer = state.action.lead_officer
    return (
        rows.number(state),
        rows.title(state),
        Cell.of(officer.name if officer else ""),
        rows.due(state),
        rows.status(state),
        Cell(tuple(why)),
        last_update_cell(state),
    )


def _summary(previous: PreviousMeeting, meeting: str, total: int, of: int) -> str:
    listed = f"{total} of {of} actions are off track (red), overdue, or have had no update"
    if previous.day is not None:
        return f"{listed} since the previous meeting on {format_date(previous.day)}."
    return (
        f"{listed} at all. No earlier meeting of {meeting} is in the board meeting calendar, "
        "so silence since the last meeting cannot be checked: add past meetings to the "
        "calendar, or give the previous meeting's date, to list those actions too."
    )


def exception_report(params: ReportParams) -> Report:
    previous = previous_meeting(params)
    selection = select(params)
    meeting = params.board.name if params.board else "the Health and Wellbeing Board"
    report = new_report(params, selection, f"Exceptions for {meeting}")
    report.meta.append(
        (
            "Previous meeting",
            format_date(previous.day) if previous.day else "None known (not in the calendar)",
        )
    )
    if previous.day is not None:
        report.meta.append(("Previous meeting taken from", previous.source))
    groups: dict[str, list[tuple[ActionState, list[str]]]] = {}
    for state in selection.actions():
        if why := reasons(state, previous.day):
            groups.setdefault(rows.lead_organisation(state.action) or NO_LEAD, []).append(
                (state, why)
            )
    total = sum(len(g) for g in groups.values())
    report.add(Paragraph(_summary(previous, meeting, total, len(selection.actions()))))
    for organisation in sorted(groups, key=lambda name: (name == NO_LEAD, name.lower())):
        listed = groups[organisation]
        report.add(Heading(organisation, 1))
        report.add(
            Table(
                columns=COLUMNS,
                rows=tuple(exception_row(state, why) for state, why in listed),
                kind="actions",
                context_columns=("Lead organisation",),
                context=tuple((organisation,) for _ in listed),
                widths=WIDTHS,
            )
        )
    return report
