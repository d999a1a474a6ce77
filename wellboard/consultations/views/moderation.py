"""Moderation: nothing the public wrote is shown until an administrator has read it and
published it (responses only with their writer's consent), and a respondent's personal
data is erased on request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.consultations import draft
from wellboard.consultations.admin_forms import (
    CommentModerationForm,
    ModerationForm,
)
from wellboard.consultations.choices import Moderation
from wellboard.consultations.models import Consultation, ParagraphComment, Response
from wellboard.consultations.services import decide
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
    text = response.published_text or response.redacted_text()
    return _moderate(
        request,
        response,
        ModerationForm,
        text,
        20000,
        lambda: {"answers": response.answers.select_related("question")},
    )


@guard("consultation.moderate", ParagraphComment, methods=MODERATE)
def moderate_comment(request: HttpRequest, comment: ParagraphComment) -> HttpResponse:
    text = comment.published_text or redact(comment.text)
    return _moderate(
        request,
        comment,
        CommentModerationForm,
        text,
        2000,
        lambda: {"paragraph": draft.find(comment.consultation, comment.paragraph_key)},
    )


def _moderate(
    request: HttpRequest,
    record: Response | ParagraphComment,
    form_class: type[ModerationForm],
    text: str,
    limit: int,
    shown_with: Callable[[], dict[str, Any]],
) -> HttpResponse:
    """One moderation page for both kinds of record; shown_with adds what the moderator reads
    beside the text (the answers, the paragraph), worked out only when the page is shown."""
    consultation = record.consultation
    form = form_class(request.POST or None, initial={"text": text}, instance=record, limit=limit)
    if request.method == "POST" and form.is_valid():
        decide(record, form.publish, form.cleaned_data["text"], request.user)
        if form.save_or_report() is not None:
            label = form_class.stale_what.capitalize()
            messages.success(request, f"{label} {record.pk}: {record.get_moderation_display()}.")
            return redirect("consultations:queue", consultation.pk)
        record.refresh_from_db()  # the page shows the decision someone else saved
    context = {"consultation": consultation, "form": form, "record": record, **shown_with()}
    status = 400 if form.errors else 200
    return render(request, "consultations/moderate.jinja", context, status=status)


@guard("consultation.moderate", Consultation, queryset=consultations)
def responses(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    """Every response, newest first, a page at a time, to find the one whose writer asked
    for their data to be removed: by their name, email address or response number."""
    query = request.GET.get("q", "").strip()[:200]
    found = Response.objects.filter(consultation=consultation).order_by("-submitted_at", "-pk")
    if query:
        found = found.filter(_matching(query))
    page = Paginator(found, RESPONSES_PAGE).get_page(request.GET.get("page"))
    context = {
        "consultation": consultation,
        "responses": page.object_list,
        "page": page,
        "query": query,
        "previous_query": _page_query(query, page.number - 1) if page.has_previous() else "",
        "next_query": _page_query(query, page.number + 1) if page.has_next() else "",
    }
    return render(request, "consultations/responses.jinja", context)


RESPONSES_PAGE = 50


def _matching(query: str) -> Q:
    """A response number matches exactly; otherwise a part of the name or email address."""
    if query.isdigit():
        return Q(pk=int(query))
    return Q(name__icontains=query) | Q(email__icontains=query)


def _page_query(query: str, number: int) -> str:
    return urlencode({"q": query, "page": number} if query else {"page": number})


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
