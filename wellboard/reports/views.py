"""Report pages: choose a report, read it on screen, download it, or have it produced in
the background (and kept as a meeting's snapshot) when the plan is large.

Every view reaches the strategy through the permission layer: members of its partnership
may read its reports ("report.view"); anyone else gets a 404 or the sign-in page. Only
administrators may keep a report as a meeting's snapshot ("report.snapshot").
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import can, scoped
from wellboard.reports.build import FORMATS, build_report, produce
from wellboard.reports.forms import GenerateForm, ReportFilterForm
from wellboard.reports.models import ReportSnapshot
from wellboard.reports.params import KINDS, ReportError, ReportParams, build_params
from wellboard.reports.renderers.html_renderer import render_page
from wellboard.reports.style_hashes import style_sources
from wellboard.reports.tasks import produce_report
from wellboard.strategy.delivery import delivered_actions
from wellboard.strategy.models import Strategy
from wellboard.tasks.background import start

# Above this many actions a download is produced by a background task, with progress.
BACKGROUND_ABOVE = 150


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise Http404("No such report.")
    return kind


def _params(strategy: Strategy, kind: str, values: dict[str, Any]) -> ReportParams:
    return build_params(kind=kind, strategy=strategy, today=timezone.localdate(), **values)


def _action_count(strategy: Strategy) -> int:
    plan = strategy.main_plan
    return delivered_actions(plan).count() if plan else 0


def _generate_form(request: HttpRequest, strategy: Strategy, kind: str, **kwargs: Any) -> Any:
    may_snapshot = can(request.user, "report.snapshot", strategy)
    return GenerateForm(strategy=strategy, kind=kind, may_snapshot=may_snapshot, **kwargs)


@guard()
def strategies(request: HttpRequest) -> HttpResponse:
    """The strategies of the user's partnerships, each leading to its reports."""
    return render(
        request,
        "reports/strategies.jinja",
        {"strategies": scoped(Strategy, request.user).select_related("partnership")},
    )


@guard("report.view", Strategy, kwarg="strategy_id")
def index(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    snapshots = ReportSnapshot.objects.filter(strategy=strategy).defer("content")
    return render(
        request,
        "reports/index.jinja",
        {"strategy": strategy, "kinds": KINDS, "snapshots": snapshots.select_related("board")},
    )


@guard("report.view", Strategy, kwarg="strategy_id")
def report_page(request: HttpRequest, strategy: Strategy, kind: str) -> HttpResponse:
    form = ReportFilterForm(request.GET or None, strategy=strategy, kind=_kind(kind))
    context: dict[str, Any] = {"strategy": strategy, "kind": kind, "form": form}
    values = form.report_values() if form.is_valid() else {} if not form.is_bound else None
    if values is None:
        return render(request, "reports/report.jinja", context | {"report": None}, status=400)
    try:
        report = build_report(_params(strategy, kind, values))
    except ReportError as exc:
        form.add_error(None, str(exc))
        return render(request, "reports/report.jinja", context | {"report": None}, status=400)
    large = _action_count(strategy) > BACKGROUND_ABOVE
    query = urlencode({k: v for k, v in request.GET.items() if v})
    context |= {
        "formats": [f for f in FORMATS if f != "html"],
        "large": large,
        "query": query,
        "generate_form": _generate_form(request, strategy, kind, initial=request.GET),
    }
    return HttpResponse(render_page(report, request, context))


@guard("report.view", Strategy, kwarg="strategy_id")
def download(request: HttpRequest, strategy: Strategy, kind: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("No such format.")
    form = ReportFilterForm(request.GET, strategy=strategy, kind=_kind(kind))
    if not form.is_valid():
        return HttpResponse("Those report filters are not valid.", status=400)
    try:
        rendered = produce(_params(strategy, kind, form.report_values()), fmt)
    except ReportError as exc:
        return HttpResponse(f"The report could not be produced: {exc}.", status=400)
    response = HttpResponse(rendered.content, content_type=rendered.content_type)
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{rendered.filename}"'
    if fmt == "html":  # django-csp adds its own stylesheet's hash to style-src
        response._csp_update = {"style-src": style_sources(rendered.content)}  # type: ignore[attr-defined]
    return response


@guard("report.view", Strategy, kwarg="strategy_id", methods=("POST",))
def generate(request: HttpRequest, strategy: Strategy, kind: str) -> HttpResponse:
    """Queue the report as a background task and show its progress page."""
    form = _generate_form(request, strategy, _kind(kind), data=request.POST)
    if not form.is_valid():
        context = {"strategy": strategy, "kind": kind, "form": form, "report": None}
        return render(request, "reports/report.jinja", context, status=400)
    try:
        params = _params(strategy, kind, form.report_values())
    except ReportError as exc:
        form.add_error(None, str(exc))
        context = {"strategy": strategy, "kind": kind, "form": form, "report": None}
        return render(request, "reports/report.jinja", context, status=400)
    data = form.cleaned_data
    meeting = data.get("meeting_date")
    job = start(
        produce_report,
        title=f"{params.title} ({data['format'].upper()})",
        user=request.user,
        partnership=strategy.partnership,
        back_url=reverse("reports:index", args=[strategy.pk]),
        back_label="the reports",
        report=params.to_json(),
        file_format=data["format"],
        snapshot=bool(data.get("snapshot")),
        meeting_date=meeting.isoformat() if meeting else None,
    )
    return redirect("tasks:status", job.pk)


@guard("report.view", ReportSnapshot)
def snapshot(request: HttpRequest, saved: ReportSnapshot) -> HttpResponse:
    response = HttpResponse(bytes(saved.content), content_type=saved.content_type)
    response["Content-Disposition"] = f'attachment; filename="{saved.filename}"'
    return response
