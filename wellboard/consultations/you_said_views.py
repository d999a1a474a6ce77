"""The "you said, we did" pages: the table with each change shown word by word, a form to
add a row, and one to edit a row."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.consultations import analysis
from wellboard.consultations.models import Consultation, YouSaidWeDid
from wellboard.consultations.you_said import add_row, you_said_rows
from wellboard.consultations.you_said_forms import YouSaidForm

RULE = "consultation.analyse"
BOTH = ("GET", "POST")


@guard(RULE, Consultation, methods=BOTH)
def table(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    form = YouSaidForm(request.POST or None, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in YouSaidForm.Meta.fields}
        add_row(consultation, **fields)
        messages.success(request, "Row added.")
        return redirect("consultations:you_said", consultation.pk)
    stored = analysis.stored_themes(consultation)
    context = {
        "consultation": consultation,
        "rows": you_said_rows(consultation),
        "form": form,
        "themes": stored.themes.themes if stored else (),
    }
    return render(
        request, "consultations/you_said.jinja", context, status=400 if form.errors else 200
    )


@guard(RULE, YouSaidWeDid, methods=BOTH)
def edit(request: HttpRequest, row: YouSaidWeDid) -> HttpResponse:
    consultation = row.consultation
    form = YouSaidForm(request.POST or None, instance=row, consultation=consultation)
    if request.method == "POST" and form.is_valid() and form.save_or_report() is not None:
        messages.success(request, "Row saved.")
        return redirect("consultations:you_said", consultation.pk)
    context = {"consultation": consultation, "form": form, "row": row}
    return render(
        request, "consultations/you_said_edit.jinja", context, status=400 if form.errors else 200
    )
