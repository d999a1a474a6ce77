"""The delivery plan report in the template boards already circulate.

Per priority: a header block (theme, lead HWB member, priority action, lead officer) and
one table row per action with its latest dated updates and a RAG-coloured status.
"""

from __future__ import annotations

from wellboard.reports import rows
from wellboard.reports.common import counts_sentence, new_report
from wellboard.reports.document import HeaderBlock, Heading, Paragraph, Report, Table
from wellboard.reports.params import ReportParams
from wellboard.reports.selection import PrioritySlice, ThemeSlice, counts_of, select

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


def theme_heading(theme: ThemeSlice) -> str:
    t = theme.state.theme
    return f"{t.ref} {t.title}".strip()


def priority_table(theme: ThemeSlice, priority: PrioritySlice) -> Table:
    context = (theme_heading(theme), priority.state.priority.title)
    return Table(
        columns=COLUMNS,
        rows=tuple(tuple(cell(a) for cell in CELLS) for a in priority.actions),
        kind="actions",
        context_columns=("Theme", "Priority"),
        context=tuple(context for _ in priority.actions),
        widths=WIDTHS,
    )


def header_block(theme: ThemeSlice, priority: PrioritySlice) -> HeaderBlock:
    t, p = theme.state.theme, priority.state.priority
    return HeaderBlock(
        (
            ("Theme", theme_heading(theme)),
            ("Lead HWB member", t.lead_member.name if t.lead_member else "Not named"),
            ("Priority action", f"{p.ref} {p.title}".strip()),
            ("Lead officer", p.lead_officer.name if p.lead_officer else "Not named"),
        )
    )


def delivery_report(params: ReportParams) -> Report:
    selection = select(params)
    report = new_report(params, selection, f"{selection.plan.title}: progress by action")
    report.add(Paragraph(counts_sentence(counts_of(selection.actions()))))
    if not selection.themes:
        report.add(Paragraph("No action matches the filters chosen."))
    for theme in selection.themes:
        report.add(Heading(theme_heading(theme), 1))
        for priority in theme.priorities:
            p = priority.state.priority
            report.add(
                Heading(f"{p.ref} {p.title}".strip(), 2),
                header_block(theme, priority),
                priority_table(theme, priority),
            )
    return report
