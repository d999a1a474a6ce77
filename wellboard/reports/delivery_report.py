"""The delivery plan report in the template boards already circulate.

Per priority: a header block (theme, lead HWB member, priority action, lead officer) and
one table row per action with its latest dated updates and a RAG-coloured status. Where
published good practice is linked (wellboard/reports/practice.py), the header block and
the action's row name it, and a short table after the actions gives its place,
organisation and evidence of impact.
"""

from __future__ import annotations

from wellboard.reports import rows
from wellboard.reports.common import counts_sentence, new_report
from wellboard.reports.document import Cell, HeaderBlock, Heading, Paragraph, Report, Table
from wellboard.reports.params import ReportParams
from wellboard.reports.practice import (
    PracticeIndex,
    labels,
    practice_index,
    practice_table,
    with_practice,
)
from wellboard.reports.selection import PrioritySlice, ThemeSlice, counts_of, select
from wellboard.strategy.delivery import ActionState

COLUMNS = (
    "No.",
    "Action",
    "Who responsible",
    "Completion date",
    "Outcome and output measures",
    "Progress to date",
    "Status",
    "Contributing toward national outcome indicators",
)
CELLS = (
    rows.number,
    rows.title,
    rows.who,
    rows.due,
    rows.measures,
    rows.progress,
    rows.status,
    rows.indicators,
)
WIDTHS = (5, 18, 12, 9, 17, 24, 8, 9)
TITLE = CELLS.index(rows.title)


def theme_heading(theme: ThemeSlice) -> str:
    t = theme.state.theme
    return f"{t.ref} {t.title}".strip()


def action_row(state: ActionState, index: PracticeIndex) -> tuple[Cell, ...]:
    row = [cell(state) for cell in CELLS]
    row[TITLE] = with_practice(row[TITLE], index.for_action(state.action))
    return tuple(row)


def priority_table(theme: ThemeSlice, priority: PrioritySlice, index: PracticeIndex) -> Table:
    context = (theme_heading(theme), priority.state.priority.title)
    return Table(
        columns=COLUMNS,
        rows=tuple(action_row(a, index) for a in priority.actions),
        kind="actions",
        context_columns=("Theme", "Priority"),
        context=tuple(context for _ in priority.actions),
        widths=WIDTHS,
    )


def header_block(theme: ThemeSlice, priority: PrioritySlice, index: PracticeIndex) -> HeaderBlock:
    t, p = theme.state.theme, priority.state.priority
    items = [
        ("Theme", theme_heading(theme)),
        ("Lead HWB member", t.lead_member.name if t.lead_member else "Not named"),
        ("Priority action", f"{p.ref} {p.title}".strip()),
        ("Lead officer", p.lead_officer.name if p.lead_officer else "Not named"),
    ]
    if practice := index.for_priority(p):
        items.append(("Good practice", labels(practice)))
    return HeaderBlock(tuple(items))


def practice_blocks(
    theme: ThemeSlice, priority: PrioritySlice, index: PracticeIndex
) -> list[Heading | Table]:
    """The linked examples in full, after the priority's actions, when there are any."""
    table = practice_table(
        index,
        [priority],
        context_columns=("Theme", "Priority"),
        context=(theme_heading(theme), priority.state.priority.title),
    )
    return [Heading("Good practice", 3), table] if table.rows else []


def delivery_report(params: ReportParams) -> Report:
    selection = select(params)
    report = new_report(params, selection, f"{selection.plan.title}: progress by action")
    index = practice_index(selection, params.strategy.partnership_id)
    report.add(Paragraph(counts_sentence(counts_of(selection.actions()))))
    if not selection.themes:
        report.add(Paragraph("No action matches the filters chosen."))
    for theme in selection.themes:
        report.add(Heading(theme_heading(theme), 1))
        for priority in theme.priorities:
            p = priority.state.priority
            report.add(
                Heading(f"{p.ref} {p.title}".strip(), 2),
                header_block(theme, priority, index),
                priority_table(theme, priority, index),
                *practice_blocks(theme, priority, index),
            )
    return report
