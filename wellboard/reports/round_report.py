"""When an update round closes, the board's delivery report for its meeting is queued,
so that it is ready for the officer as soon as the papers deadline passes."""

from __future__ import annotations

from django.utils import timezone

from wellboard.reports.params import ReportParams
from wellboard.reports.tasks import produce_report
from wellboard.rounds.models import Round
from wellboard.strategy.models import Strategy
from wellboard.tasks.background import start
from wellboard.tasks.models import BackgroundTask


def queue_round_report(round: Round) -> BackgroundTask | None:
    """The delivery report of the partnership's current strategy, as of the close, for
    the round's board (the whole plan for the Health and Wellbeing Board)."""
    strategy = (
        Strategy.objects.filter(partnership_id=round.partnership_id)
        .exclude(status=Strategy.Status.CLOSED)
        .order_by("-period_start", "-id")
        .first()
    )
    if strategy is None:
        return None
    as_of = timezone.localdate(round.closed_at or timezone.now())
    params = ReportParams(kind="delivery", strategy=strategy, as_of=as_of, board=round.board)
    return start(
        produce_report,
        title=f"Delivery report for the {round.board_name} meeting on "
        f"{round.meeting_date:%-d %B %Y}",
        user=round.officer,
        partnership=round.partnership,
        back_url=round.get_absolute_url(),
        back_label="Back to the update round",
        report=params.to_json(),
        file_format="docx",
    )
