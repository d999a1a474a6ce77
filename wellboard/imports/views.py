"""Upload, preview, column mapping and confirm: administrators of a partnership only.

Access goes through the permission layer: a run or strategy outside the user's
partnerships answers 404; a member who is not an administrator gets 403.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import get_for_user, partnerships_where
from wellboard.core.exchange import ExchangeError
from wellboard.core.parsing import PlanImportError
from wellboard.core.spreadsheet_cells import CellTooLong
from wellboard.imports.background import queue_apply, runs_in_background
from wellboard.imports.forms import NEW, ConfirmForm, MappingForm, UploadForm
from wellboard.imports.models import ImportRun
from wellboard.imports.presenters import preview_context
from wellboard.imports.roundtrip import ApplyError, export_results_csv, export_workbook
from wellboard.imports.runs import rerun, start_run
from wellboard.imports.saving import apply_run, edited_since_preview
from wellboard.imports.services import column_map_for, max_upload_bytes, remember_mappings
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Strategy

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _administered(request: HttpRequest) -> list[Partnership]:
    """The partnerships the user may import into (the guard has checked there is one)."""
    ids = partnerships_where(request.user, "import.run")
    return list(Partnership.objects.filter(pk__in=ids).order_by("name"))


def _runs() -> Any:
    return ImportRun.objects.defer("source").select_related("partnership", "target")


def _start(request: HttpRequest, form: UploadForm, partnerships: list[Partnership]) -> Any:
    data = form.cleaned_data
    target = None
    if data["target"] != NEW:
        target = get_for_user(Strategy, int(data["target"]), request.user, "import.run")
    partnership = (
        target.partnership
        if target is not None
        else next(p for p in partnerships if p.pk == data["partnership"])
    )
    upload = data["file"]
    try:
        run = start_run(
            partnership=partnership,
            user=request.user,
            file_name=upload.name or "upload",
            data=upload.read(),
            target=target,
        )
    except PlanImportError as exc:
        form.add_error("file", str(exc))
        return None
    if run.status == ImportRun.Status.FAILED and not run.unmapped_headers:
        ImportRun.objects.filter(pk=run.pk).update(source=None)
        form.add_error("file", run.error)
        return None
    return redirect("imports:preview", run.pk)


@guard("import.run", methods=("GET", "POST"))
def upload(request: HttpRequest) -> HttpResponse:
    partnerships = _administered(request)
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        partnerships=partnerships,
        initial={"target": request.GET.get("strategy", NEW)},
    )
    if request.method == "POST" and form.is_valid():
        response = _start(request, form, partnerships)
        if response is not None:
            return response
    strategies = Strategy.objects.filter(partnership__in=partnerships).select_related("partnership")
    runs = (
        ImportRun.objects.filter(partnership__in=partnerships)
        .defer("source", "document", "changes")
        .select_related("created_by", "result_strategy")[:10]
    )
    status = 400 if form.errors else 200
    context = {
        "form": form,
        "strategies": strategies,
        "runs": runs,
        "partnerships": partnerships,
        "max_mb": max_upload_bytes() // (1024 * 1024),
    }
    return render(request, "imports/upload.jinja", context, status=status)


def _render_preview(
    request: HttpRequest, run: ImportRun, mapping_form: MappingForm | None = None, status: int = 200
) -> HttpResponse:
    if mapping_form is None and run.unmapped_headers:
        mapping_form = MappingForm(
            headers=run.unmapped_headers, initial_map=column_map_for(run.partnership)
        )
    context = {**preview_context(run), "mapping_form": mapping_form, "confirm_form": ConfirmForm()}
    return render(request, "imports/preview.jinja", context, status=status)


@guard("import.run", ImportRun, queryset=_runs)
def preview(request: HttpRequest, run: ImportRun) -> HttpResponse:
    return _render_preview(request, run)


@guard("import.run", ImportRun, queryset=_runs)
def status(request: HttpRequest, run: ImportRun) -> HttpResponse:
    """The polled fragment; once the upload has been read, htmx reloads the whole page."""
    response = render(request, "imports/_status.jinja", {"run": run})
    if run.status != ImportRun.Status.QUEUED:
        response["HX-Refresh"] = "true"
    return response


@guard("import.run", ImportRun, queryset=_runs, methods=("POST",))
def mapping(request: HttpRequest, run: ImportRun) -> HttpResponse:
    if run.status not in (ImportRun.Status.PARSED, ImportRun.Status.FAILED):
        return redirect("imports:preview", run.pk)
    form = MappingForm(request.POST, headers=run.unmapped_headers, initial_map={})
    if not form.is_valid():
        return _render_preview(request, run, form, status=400)
    remember_mappings(run.partnership, form.choices())
    rerun(ImportRun.objects.get(pk=run.pk), request.user)
    return redirect("imports:preview", run.pk)


@guard("import.run", ImportRun, queryset=_runs, methods=("POST",))
def confirm(request: HttpRequest, run: ImportRun) -> HttpResponse:
    form = ConfirmForm(request.POST)
    if run.target is not None:
        get_for_user(Strategy, run.target.pk, request.user, "import.run")
    if not form.is_valid():
        return _render_preview(request, run, status=400)
    try:
        with transaction.atomic():
            locked = (
                ImportRun.objects.select_for_update(of=("self",))
                .select_related("target")
                .get(pk=run.pk)
            )
            if locked.status != ImportRun.Status.PARSED:
                messages.error(request, "This import has already been confirmed or discarded.")
                return redirect("imports:preview", run.pk)
            if edited_since_preview(locked, form.cleaned_data["plan_state"]):
                messages.error(
                    request,
                    f"{locked.target}: the plan was edited after this preview, so nothing was "
                    "saved. Check the changes below as they are now, then confirm again.",
                )
                return redirect("imports:preview", run.pk)
            if runs_in_background(locked):
                job = queue_apply(locked, request.user, **form.cleaned_data)
                return redirect("tasks:status", job.pk)
            strategy = apply_run(
                locked,
                user=request.user,
                delete_missing=form.cleaned_data["delete_missing"],
                archive_missing=form.cleaned_data["archive_missing"],
            )
    except (ApplyError, ExchangeError) as exc:
        messages.error(request, f"{run.file_name}: {exc}. Nothing was saved.")
        return redirect("imports:preview", run.pk)
    messages.success(request, f"Imported {run.file_name} into {strategy.title}.")
    return redirect(strategy.get_absolute_url())


@guard("import.run", ImportRun, queryset=_runs, methods=("POST",))
def discard(request: HttpRequest, run: ImportRun) -> HttpResponse:
    """Discard a run not imported; one being imported by a task is left to finish."""
    kept = (ImportRun.Status.APPLIED, ImportRun.Status.APPLYING)
    discarded = (
        ImportRun.objects.filter(pk=run.pk)
        .exclude(status__in=kept)
        .update(status=ImportRun.Status.DISCARDED, source=None)
    )
    if not discarded and run.status != ImportRun.Status.DISCARDED:
        messages.error(
            request, f"{run.file_name} is being imported or was imported: not discarded."
        )
        return redirect("imports:preview", run.pk)
    messages.info(request, f"Discarded {run.file_name}.")
    return redirect("imports:upload")


def _download(content: bytes | str, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@guard("strategy.view", Strategy)
def export_sheet(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    try:
        workbook = export_workbook(strategy)
    except CellTooLong as exc:
        return HttpResponse(f"The plan sheet cannot be written: {exc}.", status=409,
                            content_type="text/plain; charset=utf-8")  # fmt: skip
    return _download(workbook, f"plan-{strategy.pk}.xlsx", XLSX)


@guard("strategy.view", Strategy)
def export_decidim(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    """Decidim's export layout, or with ?layout=import the file its accountability import reads."""
    layout = "import" if request.GET.get("layout") == "import" else "export"
    csv_text = export_results_csv(strategy, layout)
    name = f"results-{strategy.pk}{'-import' if layout == 'import' else ''}.csv"
    return _download(csv_text, name, "text/csv; charset=utf-8")
