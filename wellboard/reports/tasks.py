"""The report background task: build, render and optionally keep a snapshot.

Its arguments are plain JSON (report=ReportParams.to_json(), file_format="pdf",
snapshot=True, meeting_date="2026-11-23"); the strategy is looked up within the task's
partnership, so a tampered queue row cannot reach another partnership's plan.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from wellboard.accounts.permissions import can
from wellboard.reports.build import RenderedReport, build_report, get_format
from wellboard.reports.params import ReportError, params_from_json, parse_date
from wellboard.reports.snapshots import save_snapshot
from wellboard.strategy.models import Strategy
from wellboard.tasks.background import TaskError, TaskFile, background_task
from wellboard.tasks.models import BackgroundTask


@background_task
def produce_report(
    job: BackgroundTask,
    *,
    report: dict[str, Any],
    file_format: str,
    snapshot: bool = False,
    meeting_date: str | None = None,
) -> TaskFile:
    progress = job.report_progress
    strategy_id = report.get("strategy")
    strategy = (
        Strategy.objects.filter(pk=strategy_id, partnership_id=job.partnership_id).first()
        if isinstance(strategy_id, int) and job.partnership_id is not None
        else None
    )
    if strategy is None:
        raise TaskError("The strategy for this report no longer exists.")
    # Checked again here: the user's role may have changed since the task was queued.
    if snapshot and not can(job.created_by, "report.snapshot", strategy):
        raise TaskError("Only an administrator can keep a report as a meeting's snapshot.")
    try:
        params = params_from_json(report, strategy, timezone.localdate())
        fmt = get_format(str(file_format))
        progress(10, "Reading the plan and working out each action's status…")
        built = build_report(params)
        progress(50, f"Writing the {fmt.extension.upper()} file…")
        content = fmt.render(built)
        rendered = RenderedReport(
            built, content, f"{built.filename_stem}.{fmt.extension}", fmt.content_type
        )
        if snapshot:
            progress(90, "Saving the snapshot for the meeting…")
            save_snapshot(
                rendered=rendered,
                params=params,
                format_name=fmt.extension,
                meeting_date=parse_date(meeting_date, "meeting date"),
                user=job.created_by,
            )
    except ReportError as exc:
        raise TaskError(f"The report could not be produced: {exc}.") from None
    progress(100, "Ready to download." + (" Saved as a snapshot." if snapshot else ""))
    return TaskFile(rendered.filename, rendered.content_type, rendered.content)
