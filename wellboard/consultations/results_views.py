"""The administrator's results of a consultation: /consultations/<id>/results/ with its
downloads (summary as Word or PDF, all responses as CSV or Excel), grouping the comments
into themes again, and the "you said, we did" table."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from wellboard.accounts.guards import guard
from wellboard.consultations import analysis, exports
from wellboard.consultations.models import Consultation
from wellboard.consultations.summary_hook import CONTENT_TYPES, FORMATS, summary_file
from wellboard.consultations.theme_task import group_themes, grouping_under_way
from wellboard.consultations.you_said import you_said_rows
from wellboard.core.charts import Chart, StackedRow, stacked_bar_chart
from wellboard.core.consultation import PriorityAgreement
from wellboard.core.spreadsheet_cells import CellTooLong
from wellboard.tasks.background import start

RULE = "consultation.analyse"
# Strongly agree (dark blue) to strongly disagree (red); the legend names each.
SCALE_COLOURS = ("#005eb8", "#41b6e6", "#aeb7bd", "#ffb81c", "#d5281b")


def agreement_chart(rows: list[PriorityAgreement]) -> Chart:
    return stacked_bar_chart(
        [
            StackedRow(r.label, dict(zip(analysis.SCALE_LABELS, r.counts, strict=True)))
            for r in rows
        ],
        segments=analysis.SCALE_LABELS,
        title="How far respondents agree each should be a priority",
        chart_id="agreement",
        colours=dict(zip(analysis.SCALE_LABELS, SCALE_COLOURS, strict=True)),
    )


@guard(RULE, Consultation)
def results(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    rows = analysis.agreement(consultation)
    kinds = analysis.type_counts(consultation)  # for the counts and the types table
    context = {
        "consultation": consultation,
        "counts": analysis.counts(consultation, kinds),
        "agreement": rows,
        "chart": agreement_chart(rows) if rows else None,
        "scale_labels": analysis.SCALE_LABELS,
        "types": analysis.respondent_types(consultation, kinds),
        "stored": analysis.stored_themes(consultation),
        "grouping": grouping_under_way(consultation),
        "you_said": you_said_rows(consultation, changes=False),
    }
    return render(request, "consultations/results.jinja", context)


@guard(RULE, Consultation, methods=("POST",))
def refresh_themes(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    """Group the comments again in the background (the model takes seconds per hundred)."""
    job = start(
        group_themes,
        title=f"Themes of {consultation.title}"[:200],
        user=request.user,
        partnership=consultation.strategy.partnership,
        back_url=reverse("consultations:results", args=[consultation.pk]),
        back_label="Back to the results",
        consultation=consultation.pk,
    )
    return redirect("tasks:status", job.pk)


@guard(RULE, Consultation)
def summary(request: HttpRequest, consultation: Consultation, summary_format: str) -> HttpResponse:
    if summary_format not in FORMATS:
        raise Http404("Summaries come as docx or pdf.")
    content, name = summary_file(consultation, summary_format)
    return _download(content, name, CONTENT_TYPES[summary_format])


@guard(RULE, Consultation)
def export(request: HttpRequest, consultation: Consultation, export_format: str) -> HttpResponse:
    if export_format not in ("csv", "xlsx"):
        raise Http404("Responses come as csv or xlsx.")
    if export_format == "csv":
        content = exports.responses_csv(consultation)
        return _download(content, exports.filename(consultation, "csv"), "text/csv; charset=utf-8")
    try:
        content = exports.responses_xlsx(consultation)
    except CellTooLong as error:
        messages.error(request, str(error))
        return redirect("consultations:results", consultation.pk)
    return _download(
        content,
        exports.filename(consultation, "xlsx"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def _download(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
