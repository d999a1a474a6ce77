"""Report pages: choose a report, read it on screen, download it, or have it produced in
the background (and kept as a meeting's snapshot) when the plan is large.

Every view reaches the strategy through the permission layer: members of its partnership
may read its reports; anyone else gets a 404.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from wellboard.accounts.permissions import get_for_user, scoped, visible_strategies
from wellboard.reports.build import FORMATS, build_report, produce
from wellboard.reports.forms import GenerateForm, ReportFilterForm
from wellboard.reports.models import ReportSnapshot
from wellboard.reports.params import KINDS, ReportError, ReportParams, build_params
from wellboard.reports.renderers.html_renderer import render_page
from wellboard.reports.tasks import produce_report
from wellboard.strategy.models import Action, Strategy
from wellboard.tasks.background import start

# Above this many actions a download is produced by a background task, with progress.
BACKGROUND_ABOVE = 150


def _strategy(request: HttpRequest, pk: int) -> Strategy:
    return get_for_user(Strategy, pk, request.user, "strategy.view")


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise Http404("No such report.")
    return kind


def _params(strategy: Strategy, kind: str, values: dict[str, Any]) -> ReportParams:
    return build_params(kind=kind, strategy=strategy, today=timezone.localdate(), **values)


def _action_count(strategy: Strategy) -> int:
    plan = strategy.main_plan
    return Action.objects.filter(priority__theme__plan=plan).count() if plan else 0


@login_required
@require_GET
def strategies(request: HttpRequest) -> HttpResponse:
    """The strategies of the user's partnerships, each leading to its reports."""
    return render(
        request, "reports/strategies.jinja", {"strategies": visible_strategies(request.user)}
    )


@login_required
@require_GET
def index(request: HttpRequest, strategy_id: int) -> HttpResponse:
    strategy = _strategy(request, strategy_id)
    snapshots = ReportSnapshot.objects.filter(strategy=strategy).defer("content")
    return render(
        request,
        "reports/index.jinja",
        {"strategy": strategy, "kinds": KINDS, "snapshots": snapshots.select_related("board")},
    )


@login_required
@require_GET
def report_page(request: HttpRequest, strategy_id: int, kind: str) -> HttpResponse:
    strategy = _strategy(request, strategy_id)
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
        "generate_form": GenerateForm(strategy=strategy, kind=kind, initial=request.GET),
    }
    return HttpResponse(render_page(report, request, context))


@login_required
@require_GET
def download(request: HttpRequest, strategy_id: int, kind: str, fmt: str) -> HttpResponse:
    strategy = _strategy(request, strategy_id)
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
    return response


@login_required
@require_POST
def generate(request: HttpRequest, strategy_id: int, kind: str) -> HttpResponse:
    """Queue the report as a background task and show its progress page."""
    strategy = _strategy(request, strategy_id)
    form = GenerateForm(request.POST, strategy=strategy, kind=_kind(kind))
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


@login_required
@require_GET
def snapshot(request: HttpRequest, pk: int) -> HttpResponse:
    strategies = scoped(Strategy, request.user)
    saved = get_object_or_404(ReportSnapshot, pk=pk, strategy__in=strategies)
    response = HttpResponse(bytes(saved.content), content_type=saved.content_type)
    response["Content-Disposition"] = f'attachment; filename="{saved.filename}"'
    return response
