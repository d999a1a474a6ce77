"""The "report" background task: build, render and optionally keep a snapshot.

Task parameters are plain JSON ({"report": ReportParams.to_json(), "format": "pdf",
"snapshot": true, "meeting_date": "2026-11-23"}); the strategy is looked up within the
task's partnership, so a tampered task row cannot reach another partnership's plan.
"""

from __future__ import annotations

from django.utils import timezone

from wellboard.reports.build import RenderedReport, build_report, get_format
from wellboard.reports.params import ReportError, params_from_json, parse_date
from wellboard.reports.snapshots import save_snapshot
from wellboard.strategy.models import Strategy
from wellboard.tasks.models import Task
from wellboard.tasks.registry import ProgressFn, TaskError, TaskResult, register

KIND = "report"


@register(KIND)
def produce_report(task: Task, progress: ProgressFn) -> TaskResult:
    data = task.params
    report_data = data.get("report") or {}
    strategy_id = report_data.get("strategy")
    strategy = (
        Strategy.objects.filter(pk=strategy_id, partnership_id=task.partnership_id).first()
        if isinstance(strategy_id, int) and task.partnership_id is not None
        else None
    )
    if strategy is None:
        raise TaskError("The strategy for this report no longer exists.")
    try:
        params = params_from_json(report_data, strategy, timezone.localdate())
        fmt = get_format(str(data.get("format", "")))
        progress(10, "Reading the plan and working out each action's status…")
        report = build_report(params)
        progress(50, f"Writing the {fmt.extension.upper()} file…")
        content = fmt.render(report)
        rendered = RenderedReport(
            report, content, f"{report.filename_stem}.{fmt.extension}", fmt.content_type
        )
        if data.get("snapshot"):
            progress(90, "Saving the snapshot for the meeting…")
            save_snapshot(
                rendered=rendered,
                params=params,
                format_name=fmt.extension,
                meeting_date=parse_date(data.get("meeting_date"), "meeting date"),
                user=task.created_by,
            )
    except ReportError as exc:
        raise TaskError(f"The report could not be produced: {exc}.") from None
    progress(100, "Ready to download." + (" Saved as a snapshot." if data.get("snapshot") else ""))
    return TaskResult(rendered.filename, rendered.content_type, rendered.content)
