"""The administrator's pages: open a consultation on a strategy, edit its wording,
questions and events, open it to the public and close it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import partnerships_where
from wellboard.consultations.admin_forms import ConsultationForm, EventForm, QuestionForm
from wellboard.consultations.models import (
    Consultation,
    ConsultationEvent,
    ParagraphComment,
    Question,
    Response,
)
from wellboard.consultations.services import create_consultation, set_status
from wellboard.consultations.views.public import consultations
from wellboard.strategy.models import Strategy

MANAGE = ("GET", "POST")


@guard("consultation.manage")
def index(request: HttpRequest) -> HttpResponse:
    """Each strategy of the partnerships the user administers, with its consultations."""
    ids = partnerships_where(request.user, "consultation.manage")
    strategies = (
        Strategy.objects.in_partnerships(ids)
        .active()
        .select_related("partnership")
        .prefetch_related("consultations")
    )
    return render(request, "consultations/index.jinja", {"strategies": strategies})


def _form_page(
    request: HttpRequest, form: BaseForm, title: str, back: tuple[str, str], **extra: Any
) -> HttpResponse:
    context = {"form": form, "title": title, "back": back, **extra}
    status = 400 if form.errors else 200
    return render(request, "consultations/form.jinja", context, status=status)


@guard("consultation.manage", Strategy, kwarg="strategy_pk", methods=MANAGE)
def create(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ConsultationForm.Meta.fields}
        consultation = create_consultation(strategy, request.user, **fields)
        messages.success(request, "Check the questions and add any events, then open it.")
        return redirect("consultations:manage", consultation.pk)
    back = (strategy.title, strategy.get_absolute_url())
    return _form_page(request, form, f"Open a consultation on {strategy.title}", back)


@guard("consultation.manage", Consultation, queryset=consultations)
def manage(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    context = {
        "consultation": consultation,
        "questions": consultation.questions.all(),
        "events": consultation.events.all(),
        "responses": Response.objects.filter(consultation=consultation).count(),
        "waiting": Response.objects.awaiting_moderation().filter(consultation=consultation).count()
        + ParagraphComment.objects.awaiting_moderation().filter(consultation=consultation).count(),
    }
    return render(request, "consultations/manage.jinja", context)


@guard("consultation.manage", Consultation, queryset=consultations, methods=MANAGE)
def edit(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    form = ConsultationForm(request.POST or None, instance=consultation)
    if request.method == "POST" and form.is_valid() and form.save_or_report() is not None:
        messages.success(request, "Saved.")
        return redirect("consultations:manage", consultation.pk)
    back = (consultation.title, _manage_url(consultation))
    return _form_page(request, form, f"Edit {consultation.title}", back)


@guard("consultation.manage", Consultation, queryset=consultations, methods=("POST",))
def change_status(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    status = request.POST.get("status", "")
    version = request.POST.get("version", "")
    if status not in (Consultation.Status.OPEN, Consultation.Status.CLOSED):
        messages.error(request, "Choose to open or to close the consultation.")
    elif not version.isdigit() or not set_status(consultation, status, int(version)):
        messages.error(request, STALE_STATUS)
    else:
        messages.success(
            request, f"The consultation is now {consultation.get_status_display().lower()}."
        )
    return redirect("consultations:manage", consultation.pk)


STALE_STATUS = (
    "Someone else changed this consultation after you opened the page, so nothing was "
    "changed. Check it as it is now, then open or close it again."
)


def _manage_url(consultation: Consultation) -> str:
    return reverse("consultations:manage", args=[consultation.pk])


def _save_part(
    request: HttpRequest,
    form: QuestionForm | EventForm,
    consultation: Consultation,
    title: str,
) -> HttpResponse:
    """Save a question or event; an edit of one changed since its form was drawn is refused
    with a form error (base/versioning.py), nothing written over."""
    if request.method == "POST" and form.is_valid():
        form.instance.consultation = consultation
        if form.save_or_report() is not None:
            messages.success(request, "Saved.")
            return redirect("consultations:manage", consultation.pk)
    return _form_page(request, form, title, (consultation.title, _manage_url(consultation)))


@guard("consultation.manage", Consultation, queryset=consultations, methods=MANAGE)
def add_question(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    last = consultation.questions.order_by("-position").first()
    form = QuestionForm(
        request.POST or None, initial={"position": (last.position + 1) if last else 1}
    )
    return _save_part(request, form, consultation, "Add a general question")


@guard("consultation.manage", Question, methods=MANAGE)
def edit_question(request: HttpRequest, question: Question) -> HttpResponse:
    form = QuestionForm(request.POST or None, instance=question)
    return _save_part(request, form, question.consultation, "Edit a question")


@guard("consultation.manage", Consultation, queryset=consultations, methods=MANAGE)
def add_event(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    form = EventForm(request.POST or None)
    return _save_part(request, form, consultation, "Add an event")


@guard("consultation.manage", ConsultationEvent, methods=MANAGE)
def edit_event(request: HttpRequest, event: ConsultationEvent) -> HttpResponse:
    form = EventForm(request.POST or None, instance=event)
    return _save_part(request, form, event.consultation, "Edit an event")
