"""The consultation's workflows, each one transaction: open one with its questions, take a
response, moderate what was written, erase a respondent's personal data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wellboard.consultations.choices import Moderation
from wellboard.consultations.models import (
    Answer,
    Consultation,
    EqualityAnswers,
    ParagraphComment,
    Question,
    Response,
)
from wellboard.strategy.models import Priority, Strategy
from wellboard.strategy.versions import save_version

GENERAL_QUESTIONS = (
    "Is anything missing from the strategy that would make a difference to health and "
    "wellbeing where you live?",
    "Do you have any other comments on the draft strategy?",
)


def agreement_question(priority: Priority) -> str:
    return f"How far do you agree that “{priority.title}” should be a priority?"


def create_consultation(strategy: Strategy, user: Any = None, **fields: Any) -> Consultation:
    """A consultation being prepared on a version of the strategy kept now, with a question
    per active priority (in plan order) and the two general questions boards usually ask;
    the questions are editable before it opens."""
    with transaction.atomic():
        label = f"Consulted on: {fields.get('title', '')}"
        version = save_version(strategy, user, label)
        consultation = Consultation.objects.create(
            strategy=strategy, strategy_version=version, **fields
        )
        priorities = Priority.objects.in_strategy(strategy).active().in_plan_order()
        questions = [
            Question(
                consultation=consultation,
                kind=Question.Kind.PRIORITY,
                priority=priority,
                text=agreement_question(priority)[:1000],
                hint=priority.description[:500],
                position=position,
            )
            for position, priority in enumerate(priorities, start=1)
        ]
        start = len(questions) + 1
        questions += [
            Question(consultation=consultation, text=text, position=start + n)
            for n, text in enumerate(GENERAL_QUESTIONS)
        ]
        Question.objects.bulk_create(questions)
    return consultation


def public_consultations(
    partnership_ids: Iterable[int] | None = None,
) -> tuple[list[Consultation], list[Consultation]]:
    """For the public home page (or a member's dashboard, given their partnerships): those
    taking responses now or soon (closing first), and past ones (newest first), whose pages
    stay public with what was published."""
    today = timezone.localdate()
    found = Consultation.objects.exclude(status=Consultation.Status.DRAFT).select_related(
        "strategy__partnership"
    )
    if partnership_ids is not None:
        found = found.filter(strategy__partnership_id__in=list(partnership_ids))
    current = found.filter(status=Consultation.Status.OPEN, closes__gte=today)
    past = found.exclude(pk__in=current.values("pk"))
    return list(current.order_by("closes", "pk")), list(past.order_by("-closes", "-pk"))


def set_status(consultation: Consultation, status: str, version: int | None = None) -> bool:
    """Open or close it. Given the version the page was drawn at, the change is made only
    if no one has saved the consultation since (one ``UPDATE ... WHERE version``), so a
    button pressed on an old page cannot undo another administrator's change; answers
    whether it was made."""
    with transaction.atomic():
        if version is not None:
            claimed = Consultation.objects.filter(pk=consultation.pk, version=version).update(
                version=F("version") + 1
            )
            if not claimed:
                return False
            consultation.version = version + 1
        consultation.status = status
        if status == Consultation.Status.CLOSED and consultation.closes > timezone.localdate():
            consultation.closes = max(consultation.opens, timezone.localdate())
        consultation.save(update_fields=["status", "closes", "updated_at"])
    return True


def retain_until(consultation: Consultation) -> date:
    """Personal data is kept for the configured number of days after the consultation
    closes: long enough to answer questions about the board's decision, no longer."""
    return consultation.closes + timedelta(days=settings.CONSULTATION_RETENTION_DAYS)


@dataclass
class Submission:
    """A validated response form's data, ready to store."""

    respondent_type: str
    organisation_name: str = ""
    name: str = ""
    email: str = ""
    consent_publish: bool = False
    consent_contact: bool = False
    answers: dict[int, tuple[int | None, str]] = field(default_factory=dict)
    equality: dict[str, str] = field(default_factory=dict)


def submit_response(consultation: Consultation, submission: Submission) -> Response:
    """Store a response, its answers and (if any were given) its equality answers."""
    with transaction.atomic():
        response = Response.objects.create(
            consultation=consultation,
            respondent_type=submission.respondent_type,
            organisation_name=submission.organisation_name,
            name=submission.name,
            email=submission.email,
            consent_privacy=True,
            consent_publish=submission.consent_publish,
            consent_contact=submission.consent_contact,
            retain_until=retain_until(consultation),
        )
        Answer.objects.bulk_create(
            Answer(response=response, question_id=qid, scale=scale, comment=comment)
            for qid, (scale, comment) in submission.answers.items()
            if scale is not None or comment
        )
        if any(submission.equality.values()):
            EqualityAnswers.objects.create(response=response, **submission.equality)
    return response


def moderate(record: Response | ParagraphComment, publish: bool, text: str, user: Any) -> None:
    """Publish (with the moderator's text, names already out) or reject. A response is
    published only where its writer consented; the caller's form has said so already."""
    decide(record, publish, text, user)
    record.save()


def decide(record: Response | ParagraphComment, publish: bool, text: str, user: Any) -> None:
    """The decision set on the record, not saved: the moderation form saves it, claiming
    the version the moderator's page was drawn with (base/versioning.py)."""
    if publish and isinstance(record, Response) and not record.consent_publish:
        raise ValueError("This respondent did not agree to publication.")
    record.moderation = Moderation.PUBLISHED if publish else Moderation.REJECTED
    record.published_text = text if publish else ""
    record.moderated_at = timezone.now()
    record.moderated_by = user
