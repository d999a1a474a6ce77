"""Pieces every report shares: its title block and the status summary line."""

from __future__ import annotations

from wellboard.core.delivery import StatusCounts
from wellboard.reports.document import Report
from wellboard.reports.params import ReportParams
from wellboard.reports.rows import STATUS_SHORT, format_date
from wellboard.reports.selection import Selection


def new_report(params: ReportParams, selection: Selection, subtitle: str) -> Report:
    strategy = params.strategy
    report = Report(
        kind=params.kind,
        title=f"{params.title}: {strategy.title}",
        subtitle=subtitle,
        as_of=params.as_of,
    )
    report.meta = [
        ("Partnership", strategy.partnership.name),
        ("Plan", selection.plan.title),
        ("Position at", format_date(params.as_of)),
        *params.describe_filters(),
    ]
    return report


def counts_sentence(counts: StatusCounts) -> str:
    parts = [f"{n} {STATUS_SHORT[status].lower()}" for status, n in counts.ordered()]
    stale = f"; {counts.stale} with no update for 90 days" if counts.stale else ""
    noun = "action" if counts.total == 1 else "actions"
    return f"{counts.total} {noun}: {', '.join(parts)}{stale}."
