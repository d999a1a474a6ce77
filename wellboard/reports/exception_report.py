"""The exception report for a governance board meeting.

Lists the actions a board needs to discuss: red, overdue, or silent since the previous
meeting, grouped by lead organisation so each partner answers for its own.
"""

from __future__ import annotations

from datetime import date, timedelta

from wellboard.reports import rows
from wellboard.reports.common import new_report
from wellboard.reports.document import Cell, Heading, Paragraph, Report, Table
from wellboard.reports.models import ReportSnapshot
from wellboard.reports.params import ReportParams
from wellboard.reports.rows import format_date
from wellboard.reports.selection import select
from wellboard.strategy.delivery import ActionState

# Boards meet quarterly, so without a recorded previous meeting a quarter is assumed.
DEFAULT_INTERVAL = timedelta(days=91)
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


def previous_meeting(params: ReportParams) -> date:
    """The date given, else the last exception report for this board, else a quarter ago."""
    if params.since:
        return params.since
    earlier = ReportSnapshot.objects.filter(
        strategy=params.strategy,
        kind="exceptions",
        board=params.board,
        meeting_date__lt=params.as_of,
    ).order_by("-meeting_date")
    last = earlier.values_list("meeting_date", flat=True).first()
    return last or params.as_of - DEFAULT_INTERVAL


def reasons(state: ActionState, since: date) -> list[str]:
    if state.status == "complete":
        return []
    found = []
    if state.status == "red":
        found.append("Red")
    if state.status == "overdue":
        found.append("Past its completion date")
    dated = [u.date for u in state.action.updates.all() if u.date]
    if not dated or max(dated) <= since:
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


def exception_report(params: ReportParams) -> Report:
    since = previous_meeting(params)
    selection = select(params)
    meeting = params.board.name if params.board else "the Health and Wellbeing Board"
    report = new_report(params, selection, f"Exceptions for {meeting}")
    report.meta.append(("Previous meeting", format_date(since)))
    groups: dict[str, list[tuple[ActionState, list[str]]]] = {}
    for state in selection.actions():
        if why := reasons(state, since):
            groups.setdefault(rows.lead_organisation(state.action) or NO_LEAD, []).append(
                (state, why)
            )
    total = sum(len(g) for g in groups.values())
    report.add(
        Paragraph(
            f"{total} of {len(selection.actions())} actions are red, overdue, or have had "
            f"no update since the previous meeting on {format_date(since)}."
        )
    )
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
