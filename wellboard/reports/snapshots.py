"""Keep a produced report as the dated record of what a board meeting was sent."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Max

from wellboard.partnerships.models import GovernanceBoard
from wellboard.reports.build import RenderedReport, produce
from wellboard.reports.models import ReportSnapshot
from wellboard.reports.params import ReportParams
from wellboard.strategy.models import Strategy


def meetings_on_record(strategy_ids: set[int], on: date) -> Iterable[tuple[int, int | None, date]]:
    """The last meeting on or before `on` per (strategy, board), from the kept snapshots;
    handed to wellboard.strategy.meetings in ``ReportsConfig.ready()``."""
    rows = (
        ReportSnapshot.objects.filter(strategy_id__in=strategy_ids, meeting_date__lte=on)
        .values("strategy_id", "board_id")
        .annotate(last=Max("meeting_date"))
        .order_by()
    )
    return [(row["strategy_id"], row["board_id"], row["last"]) for row in rows]


@transaction.atomic
def save_snapshot(
    *,
    rendered: RenderedReport,
    params: ReportParams,
    format_name: str,
    meeting_date: date | None = None,
    user: Any = None,
) -> ReportSnapshot:
    return ReportSnapshot.objects.create(
        strategy=params.strategy,
        kind=params.kind,
        format=format_name,
        content=rendered.content,
        filename=rendered.filename,
        content_type=rendered.content_type,
        as_of=rendered.report.as_of,
        meeting_date=meeting_date or params.as_of,
        board=params.board,
        parameters=params.to_json(),
        created_by=user if user is not None and user.is_authenticated else None,
    )


def keep_meeting_report(
    strategy: Strategy, meeting_date: date, board: GovernanceBoard | None, user: Any
) -> ReportSnapshot:
    """The delivery plan report as it stood on a meeting's day, kept as its Word snapshot:
    what the report task does when asked for a snapshot (handed to the demo by web)."""
    params = ReportParams(kind="delivery", strategy=strategy, as_of=meeting_date, board=board)
    return save_snapshot(
        rendered=produce(params, "docx"),
        params=params,
        format_name="docx",
        meeting_date=meeting_date,
        user=user,
    )
