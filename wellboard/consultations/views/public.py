"""The public's pages: the consultation, its privacy notice, the response form, the draft
paragraph by paragraph with its published comments, and a comment on one paragraph.

No account is needed. Posting is counted per client (limiter.py) and answered 429 over
the limit; a filled-in honeypot is thanked and thrown away; nothing written is shown to
anyone else until a moderator publishes it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import can
from wellboard.consultations import draft, limiter
from wellboard.consultations.models import Consultation, ParagraphComment, Response
from wellboard.consultations.public_forms import EqualityForm, ParagraphCommentForm, ResponseForm
from wellboard.consultations.services import submit_response

SHOWN = 50  # published responses on the consultation's page


def consultations() -> Any:
    return Consultation.objects.select_related("strategy__partnership")


def _closed(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    return render(request, "consultations/closed.jinja", {"consultation": consultation})


def too_many(
    request: HttpRequest, consultation: Consultation, limit: limiter.Limit
) -> HttpResponse:
    minutes = limiter.retry_after(limit)
    context = {"consultation": consultation, "minutes": minutes}
    response = render(request, "consultations/too_many.jinja", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


@guard("consultation.view", Consultation, queryset=consultations)
def overview(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    context = {
        "consultation": consultation,
        "events": consultation.events.all(),
        # The newest first, a page's worth: the full set is in the board's summary report.
        "published": Response.objects.published()
        .filter(consultation=consultation)
        .order_by("-submitted_at")[:SHOWN],
        "published_count": Response.objects.published().filter(consultation=consultation).count(),
        "can_manage": can(request.user, "consultation.manage", consultation),
    }
    return render(request, "consultations/overview.jinja", context)


@guard("consultation.view", Consultation, queryset=consultations)
def privacy(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    context = {"consultation": consultation, "retention_days": settings.CONSULTATION_RETENTION_DAYS}
    return render(request, "consultations/privacy.jinja", context)


@guard("consultation.view", Consultation, queryset=consultations)
def thanks(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    return render(request, "consultations/thanks.jinja", {"consultation": consultation})


@guard("consultation.respond", Consultation, queryset=consultations, methods=("GET", "POST"))
def respond(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    if not consultation.accepting_responses:
        return _closed(request, consultation)
    data = request.POST if request.method == "POST" else None
    if data is not None and not limiter.allow(request, limiter.responses_limit()):
        return too_many(request, consultation, limiter.responses_limit())
    form = ResponseForm(data, consultation=consultation)
    equality = EqualityForm(data)
    if data is not None and form.is_valid() and equality.is_valid():
        if not form.is_spam:
            submit_response(consultation, form.submission(equality.answers()))
        return redirect("consultations:thanks", consultation.pk)
    context = {"consultation": consultation, "form": form, "equality": equality}
    status = 400 if form.errors or equality.errors else 200
    return render(request, "consultations/respond.jinja", context, status=status)


@guard("consultation.view", Consultation, queryset=consultations)
def read_draft(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    comments: dict[str, list[ParagraphComment]] = {}
    for comment in ParagraphComment.objects.published().filter(consultation=consultation):
        comments.setdefault(comment.paragraph_key, []).append(comment)
    context = {
        "consultation": consultation,
        "paragraphs": draft.paragraphs(consultation),
        "comments": comments,
    }
    return render(request, "consultations/draft.jinja", context)


@guard("consultation.respond", Consultation, queryset=consultations, methods=("GET", "POST"))
def comment(request: HttpRequest, consultation: Consultation, key: str) -> HttpResponse:
    paragraph = draft.find(consultation, key)
    if paragraph is None:
        raise Http404("No such paragraph.")
    if not consultation.accepting_responses:
        return _closed(request, consultation)
    data = request.POST if request.method == "POST" else None
    if data is not None and not limiter.allow(request, limiter.comments_limit()):
        return too_many(request, consultation, limiter.comments_limit())
    form = ParagraphCommentForm(data)
    if data is not None and form.is_valid():
        if not form.is_spam:
            ParagraphComment.objects.create(
                consultation=consultation, paragraph_key=key, text=form.cleaned_data["text"]
            )
        messages.success(
            request, "Thank you: your comment will appear once a moderator has read it."
        )
        return redirect(reverse("consultations:draft", args=[consultation.pk]) + f"#{key}")
    context = {"consultation": consultation, "paragraph": paragraph, "form": form}
    return render(
        request, "consultations/comment.jinja", context, status=400 if form.errors else 200
    )
