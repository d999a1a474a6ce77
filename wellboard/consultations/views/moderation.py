"""Moderation: nothing the public wrote is shown until an administrator has read it and
published it (responses only with their writer's consent), and a respondent's personal
data is erased on request."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.consultations import draft
from wellboard.consultations.admin_forms import ModerationForm
from wellboard.consultations.choices import Moderation
from wellboard.consultations.models import Consultation, ParagraphComment, Response
from wellboard.consultations.services import moderate
from wellboard.consultations.views.public import consultations
from wellboard.core.redaction import redact

MODERATE = ("GET", "POST")


@guard("consultation.moderate", Consultation, queryset=consultations)
def queue(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    context = {
        "consultation": consultation,
        "comments": ParagraphComment.objects.awaiting_moderation().filter(
            consultation=consultation
        ),
        "responses": Response.objects.awaiting_moderation().filter(consultation=consultation),
        # Decisions can be changed: a published comment taken down, a rejected one published.
        "decided": ParagraphComment.objects.filter(consultation=consultation).exclude(
            moderation=Moderation.PENDING
        ),
    }
    return render(request, "consultations/queue.jinja", context)


@guard("consultation.moderate", Response, methods=MODERATE)
def moderate_response(request: HttpRequest, response: Response) -> HttpResponse:
    consultation = response.consultation
    if not response.consent_publish:
        messages.error(request, "This respondent did not agree to publication.")
        return redirect("consultations:queue", consultation.pk)
    initial = {"text": response.published_text or response.redacted_text()}
    form = ModerationForm(request.POST or None, initial=initial, limit=20000)
    if request.method == "POST" and form.is_valid():
        moderate(response, form.publish, form.cleaned_data["text"], request.user)
        messages.success(request, f"Response {response.pk}: {response.get_moderation_display()}.")
        return redirect("consultations:queue", consultation.pk)
    context = {
        "consultation": consultation,
        "form": form,
        "record": response,
        "answers": response.answers.select_related("question"),
    }
    status = 400 if form.errors else 200
    return render(request, "consultations/moderate.jinja", context, status=status)


@guard("consultation.moderate", ParagraphComment, methods=MODERATE)
def moderate_comment(request: HttpRequest, comment: ParagraphComment) -> HttpResponse:
    consultation = comment.consultation
    initial = {"text": comment.published_text or redact(comment.text)}
    form = ModerationForm(request.POST or None, initial=initial, limit=2000)
    if request.method == "POST" and form.is_valid():
        moderate(comment, form.publish, form.cleaned_data["text"], request.user)
        messages.success(request, f"Comment {comment.pk}: {comment.get_moderation_display()}.")
        return redirect("consultations:queue", consultation.pk)
    context = {
        "consultation": consultation,
        "form": form,
        "record": comment,
        "paragraph": draft.find(consultation, comment.paragraph_key),
    }
    status = 400 if form.errors else 200
    return render(request, "consultations/moderate.jinja", context, status=status)


@guard("consultation.moderate", Consultation, queryset=consultations)
def responses(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    """Every response, to find one whose writer asked for their data to be removed."""
    found = Response.objects.filter(consultation=consultation).order_by("-submitted_at")
    context = {"consultation": consultation, "responses": found}
    return render(request, "consultations/responses.jinja", context)


@guard("consultation.moderate", Response, methods=("POST",))
def erase(request: HttpRequest, response: Response) -> HttpResponse:
    if response.is_erased:
        messages.info(request, f"Response {response.pk} holds no personal data already.")
    else:
        response.erase_personal_data(Response.Erasure.REQUEST)
        messages.success(
            request,
            f"Response {response.pk}: name, email and equality answers erased; "
            "its answers are kept without them.",
        )
    return redirect("consultations:responses", response.consultation_id)
