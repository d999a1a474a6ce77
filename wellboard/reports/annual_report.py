"""The annual implementation report for a strategy and (financial) year.

HWB annual reports cover an April-to-March year, the year the NHS and councils plan and
fund in, so `--year 2025` means 2025/26. The report shows the plan at the end of the
year (or at the report date, for a year still running) and compares it with the plan at
the last report, using the same status rules for both dates. Under the achievements it lists
the published good practice linked to the report's actions and priorities
(wellboard/reports/practice.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from wellboard.core.delivery import ROLL_UP_ORDER
from wellboard.indicators.models import Indicator
from wellboard.reports import rows
from wellboard.reports.approvals import approval_blocks
from wellboard.reports.common import counts_sentence, new_report
from wellboard.reports.document import (
    CHART_COLOURS,
    Cell,
    Heading,
    Paragraph,
    Report,
    Series,
    StackedBarChart,
    Table,
)
from wellboard.reports.indicator_summary import (
    IndicatorFigures,
    baseline_text,
    indicator_figures,
    target_text,
)
from wellboard.reports.models import ReportSnapshot
from wellboard.reports.params import ReportError, ReportParams
from wellboard.reports.practice import annual_practice_blocks, practice_index
from wellboard.reports.rows import STATUS_SHORT, STATUS_TEXT, format_date
from wellboard.reports.selection import Selection, ThemeSlice, counts_of, select
from wellboard.strategy.delivery import ActionState

assert set(CHART_COLOURS) >= set(ROLL_UP_ORDER)


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 4, 1), date(year + 1, 3, 31)


def financial_year_of(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def last_report_date(params: ReportParams, start: date) -> date:
    """The previous annual report's date, else the day before the year began."""
    if params.since:
        return params.since
    earlier = ReportSnapshot.objects.filter(
        strategy=params.strategy, kind="annual", as_of__lt=params.as_of
    ).order_by("-as_of")
    return earlier.values_list("as_of", flat=True).first() or start - timedelta(days=1)


def theme_label(theme: ThemeSlice) -> str:
    t = theme.state.theme
    return f"{t.ref} {t.title}".strip()


def summary_blocks(selection: Selection) -> list[Heading | Paragraph | StackedBarChart]:
    per_theme = [(theme_label(t), counts_of(t.actions())) for t in selection.themes]
    chart = StackedBarChart(
        title="Actions by status and theme",
        categories=tuple(label for label, _ in per_theme),
        series=tuple(
            Series(STATUS_SHORT[s], s, tuple(c.counts.get(s, 0) for _, c in per_theme))
            for s in ROLL_UP_ORDER
        ),
    )
    return [
        Heading("Delivery by theme", 1),
        Paragraph(counts_sentence(counts_of(selection.actions()))),
        chart,
    ]


def completed_in(state: ActionState, start: date, end: date) -> date | None:
    """The date of the first "complete" update in the year, if the action finished then."""
    if state.status != "complete":
        return None
    dates = sorted(u.date for u in state.action.updates.all() if u.rag == "complete" and u.date)
    return dates[0] if dates and start <= dates[0] <= end else None


def achievement_blocks(selection: Selection, start: date, end: date) -> list[Heading | Table]:
    done = [(s, d) for s in selection.actions() if (d := completed_in(s, start, end))]
    milestones = [
        (m, s)
        for s in selection.actions()
        for m in s.action.milestones.all()
        if m.done_on and start <= m.done_on <= end
    ]
    blocks: list[Heading | Table] = [Heading("Achievements", 1), Heading("Actions completed", 2)]
    blocks.append(
        Table(
            columns=("No.", "Action", "Completed", "Latest update"),
            rows=tuple(
                (
                    rows.number(s),
                    rows.title(s),
                    Cell.of(format_date(d), "complete"),
                    Cell(tuple(rows.update_line(u) for u in rows.latest_updates(s.action, 1))),
                )
                for s, d in done
            ),
            kind="actions",
            widths=(8, 40, 12, 40),
            caption="No action was completed in the year." if not done else "",
        )
    )
    blocks.append(Heading("Milestones reached", 2))
    blocks.append(
        Table(
            columns=("Milestone", "Action", "Reached"),
            rows=tuple(
                (Cell.of(m.title), Cell.of(str(s.action)), Cell.of(format_date(m.done_on)))
                for m, s in milestones
            ),
            widths=(45, 40, 15),
            caption="No milestone was reached in the year." if not milestones else "",
        )
    )
    return blocks


def exception_blocks(selection: Selection) -> list[Heading | Table]:
    flagged = [s for s in selection.actions() if s.status in {"red", "overdue"}]
    return [
        Heading("Exceptions", 1),
        Table(
            columns=("No.", "Action", "Who responsible", "Status", "Latest update"),
            rows=tuple(
                (
                    rows.number(s),
                    rows.title(s),
                    rows.who(s),
                    rows.status(s),
                    Cell(tuple(rows.update_line(u) for u in rows.latest_updates(s.action, 1))),
                )
                for s in flagged
            ),
            kind="actions",
            widths=(7, 30, 17, 12, 34),
            caption="No action was red or overdue." if not flagged else "",
        ),
    ]


def linked_indicators(selection: Selection) -> list[Indicator]:
    seen: dict[int, Indicator] = {}
    for state in selection.actions():
        for link in state.action.indicator_links.all():
            seen.setdefault(link.indicator.pk, link.indicator)
    return sorted(seen.values(), key=lambda i: i.code)


def indicator_blocks(selection: Selection, as_of: date) -> list[Heading | Paragraph | Table]:
    indicators = linked_indicators(selection)
    figures = indicator_figures(indicators, as_of)
    blank = IndicatorFigures()
    table_rows = []
    for i in indicators:
        f = figures.get(i.pk, blank)
        table_rows.append(
            tuple(
                Cell.of(text)
                for text in (
                    i.code,
                    i.name,
                    baseline_text(i),
                    f.latest,
                    f.england,
                    f.trend,
                    target_text(i),
                    f.target_status,
                )
            )
        )
    note = (
        "Latest values, England comparisons and trends appear here once indicator data "
        "has been loaded."
        if not figures
        else "Latest published values at the report date."
    )
    return [
        Heading("Outcome indicators", 1),
        Paragraph(note),
        Table(
            columns=(
                "Code",
                "Indicator",
                "Baseline",
                "Latest",
                "England",
                "Trend",
                "Target",
                "Target status",
            ),
            rows=tuple(table_rows),
            widths=(10, 30, 10, 10, 10, 10, 12, 8),
            caption="No outcome indicator is linked to these actions." if not indicators else "",
        ),
    ]


def change_blocks(
    params: ReportParams, selection: Selection, since: date
) -> list[Heading | Paragraph | Table]:
    before = {s.action.pk: s.status for s in select(params, as_of=since).actions()}
    changed = [s for s in selection.actions() if before.get(s.action.pk, "") != s.status]
    return [
        Heading("What changed since the last report", 1),
        Paragraph(
            f"{len(changed)} actions changed status between {format_date(since)} and "
            f"{format_date(params.as_of)}."
        ),
        Table(
            columns=("No.", "Action", "Was", "Now"),
            rows=tuple(
                (
                    rows.number(s),
                    rows.title(s),
                    Cell.of(
                        STATUS_TEXT.get(before.get(s.action.pk, ""), "Not in the plan"),
                        before.get(s.action.pk, ""),
                    ),
                    rows.status(s),
                )
                for s in changed
            ),
            kind="actions",
            widths=(8, 52, 20, 20),
        ),
    ]


def annual_report(params: ReportParams) -> Report:
    year = params.year or financial_year_of(params.as_of)
    start, end = year_bounds(year)
    if params.as_of < start:
        raise ReportError(f"the year {year}/{str(year + 1)[-2:]} starts after the report date")
    params = params.with_as_of(min(end, params.as_of))
    selection = select(params)
    label = f"{year}/{str(year + 1)[-2:]}"
    report = new_report(params, selection, f"Implementation in {label} (1 April to 31 March)")
    report.meta.insert(2, ("Year", label))
    since = last_report_date(params, start)
    report.add(*summary_blocks(selection))
    report.add(*achievement_blocks(selection, start, end))
    index = practice_index(selection, params.strategy.partnership_id)
    report.add(*annual_practice_blocks(selection, index))
    report.add(*exception_blocks(selection))
    report.add(*indicator_blocks(selection, params.as_of))
    report.add(*approval_blocks(params.strategy, params.as_of))
    report.add(*change_blocks(params, selection, since))
    return report
