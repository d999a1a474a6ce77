"""The strategy's approval history as a report section (the annual report carries it).

Decisions taken by the report date are listed, by meeting date, with the deciding body,
the decision, the status step it made and the minute reference, so that the annual report
says on whose authority the strategy is being delivered. Who recorded each decision in
the app is left out: a board paper is public.
"""

from __future__ import annotations

from datetime import date

from wellboard.core.lifecycle import LABELS
from wellboard.reports.document import Cell, Heading, Paragraph, Table
from wellboard.reports.rows import format_date
from wellboard.strategy.lifecycle import approval_history
from wellboard.strategy.models import ApprovalDecision, Strategy

COLUMNS = ("Meeting", "Body", "Decision", "Status change", "Minute")


def _row(record: ApprovalDecision) -> tuple[Cell, ...]:
    step = (
        f"{record.get_from_status_display()} to {record.get_to_status_display()}"
        if record.to_status
        else ""
    )
    meeting = format_date(record.date) if record.date else "Not recorded"
    return tuple(
        Cell.of(text)
        for text in (
            meeting,
            record.body,
            record.get_decision_display(),
            step,
            record.minute_reference,
        )
    )


def approval_blocks(strategy: Strategy, as_of: date) -> list[Heading | Paragraph | Table]:
    records = [r for r in approval_history(strategy) if r.date is None or r.date <= as_of]
    # The status the decisions had made by the report date (a past-dated report says then).
    status = next((r.to_status for r in reversed(records) if r.to_status), "")
    said = [Paragraph(f"At the report date the strategy was {LABELS[status].lower()}.")]
    return [
        Heading("Approval history", 1),
        *(said if status else []),
        Table(
            columns=COLUMNS,
            rows=tuple(_row(r) for r in records),
            widths=(14, 30, 16, 24, 16),
            caption="No decision on the strategy is recorded yet." if not records else "",
        ),
    ]
