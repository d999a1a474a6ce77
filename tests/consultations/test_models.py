"""The consultation's records keep their own rules: dates, who may see them, what is
published and what personal data survives an erasure."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import ConsultationFactory, QuestionFactory, ResponseFactory, StrategyFactory
from wellboard.accounts.permissions import is_public
from wellboard.base.scoping import partnership_id_of
from wellboard.consultations.choices import Moderation
from wellboard.consultations.models import (
    Answer,
    Consultation,
    EqualityAnswers,
    ParagraphComment,
    Response,
)
from wellboard.core.redaction import EMAIL, NAME, PHONE

pytestmark = pytest.mark.django_db


def test_a_consultation_runs_for_90_days_unless_told_otherwise() -> None:
    strategy = StrategyFactory()
    made = Consultation.objects.create(
        strategy=strategy, title="Have your say", opens=dt.date(2027, 1, 4)
    )
    assert made.closes == dt.date(2027, 4, 4)
    shorter = Consultation.objects.create(
        strategy=strategy, title="Short", opens=dt.date(2027, 1, 4), closes=dt.date(2027, 2, 1)
    )
    assert shorter.closes == dt.date(2027, 2, 1)


def test_closing_before_opening_is_refused() -> None:
    consultation = Consultation(
        strategy=StrategyFactory(),
        title="Backwards",
        opens=dt.date(2027, 2, 1),
        closes=dt.date(2027, 1, 1),
    )
    with pytest.raises(ValidationError, match="cannot close before it opens"):
        consultation.full_clean()


def test_responses_are_taken_only_while_open_and_within_its_dates() -> None:
    consultation: Any = ConsultationFactory(opens=dt.date(2027, 1, 4), closes=dt.date(2027, 4, 3))
    assert not consultation.is_open_on(dt.date(2027, 1, 3))
    assert consultation.is_open_on(dt.date(2027, 1, 4))
    assert consultation.is_open_on(dt.date(2027, 4, 3))
    assert not consultation.is_open_on(dt.date(2027, 4, 4))
    with time_machine.travel(dt.datetime(2027, 2, 1, 12, tzinfo=dt.UTC)):
        assert consultation.accepting_responses
        consultation.status = Consultation.Status.CLOSED
        assert not consultation.accepting_responses
        consultation.status = Consultation.Status.DRAFT
        assert not consultation.accepting_responses


def test_the_public_sees_it_once_opened_even_when_the_draft_strategy_is_unpublished() -> None:
    consultation: Any = ConsultationFactory(strategy__published=False, status="draft")
    assert not is_public(consultation)
    for status in ("open", "closed"):
        consultation.status = status
        assert is_public(consultation)
    assert partnership_id_of(consultation) == consultation.strategy.partnership_id


def _response_with_answers() -> Any:
    question: Any = QuestionFactory(text="Should mental health be a priority?", kind="priority")
    general: Any = QuestionFactory(consultation=question.consultation, text="Anything else?")
    response: Any = ResponseFactory(
        consultation=question.consultation,
        name="Priya Shah",
        email="priya@example.org",
        consent_publish=True,
        consent_contact=True,
    )
    Answer.objects.create(
        response=response, question=question, scale=5, comment="Yes. Priya, 07700 900123."
    )
    Answer.objects.create(response=response, question=general, comment="Email priya@example.org")
    EqualityAnswers.objects.create(response=response, age_band="25_34", carer="yes")
    return response


def test_the_text_offered_for_publication_has_no_names_or_contact_details() -> None:
    response = _response_with_answers()
    assert response.redacted_text() == (
        f"Should mental health be a priority?\nYes. {NAME}, {PHONE}.\n\n"
        f"Anything else?\nEmail {EMAIL}"
    )


def test_erasing_keeps_the_answers_but_not_who_gave_them() -> None:
    response = _response_with_answers()
    response.published_text = "Priya says yes"
    response.save()  # erasure reads the saved row afresh (a moderator may have saved since)
    response.erase_personal_data(Response.Erasure.REQUEST)
    response.refresh_from_db()
    assert (response.name, response.email, response.consent_contact) == ("", "", False)
    assert response.erased_at is not None and response.erasure_reason == "request"
    assert response.published_text == f"{NAME} says yes"
    assert not EqualityAnswers.objects.filter(response=response).exists()
    answers = list(response.answers.order_by("question__kind").values_list("scale", "comment"))
    assert answers == [(None, f"Email {EMAIL}"), (5, f"Yes. {NAME}, {PHONE}.")]


def test_a_scale_outside_one_to_five_and_a_second_answer_are_refused() -> None:
    response = _response_with_answers()
    question = response.answers.first().question
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(response=response, question=question, scale=3)
    other: Any = QuestionFactory(consultation=response.consultation)
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(response=response, question=other, scale=6)


def test_only_consented_pending_responses_wait_for_moderation() -> None:
    consultation: Any = ConsultationFactory()
    waiting = ResponseFactory(consultation=consultation, consent_publish=True)
    ResponseFactory(consultation=consultation, consent_publish=False)
    published = ResponseFactory(
        consultation=consultation, consent_publish=True, moderation=Moderation.PUBLISHED
    )
    assert list(Response.objects.awaiting_moderation()) == [waiting]
    assert list(Response.objects.published()) == [published]


def test_paragraph_comments_are_published_only_once_moderated() -> None:
    consultation: Any = ConsultationFactory()
    pending = ParagraphComment.objects.create(
        consultation=consultation, paragraph_key="summary-1", text="Hi"
    )
    shown = ParagraphComment.objects.create(
        consultation=consultation, paragraph_key="summary-1", text="Yes", moderation="published"
    )
    ParagraphComment.objects.create(
        consultation=consultation, paragraph_key="summary-1", text="Spam", moderation="rejected"
    )
    assert list(ParagraphComment.objects.published()) == [shown]
    assert list(ParagraphComment.objects.awaiting_moderation()) == [pending]


def test_every_text_field_has_a_length_limit() -> None:
    from django.apps import apps

    for model in apps.get_app_config("consultations").get_models():
        for field in model._meta.get_fields():
            if getattr(field, "get_internal_type", None) and field.get_internal_type() in (
                "CharField",
                "TextField",
            ):
                assert field.max_length, f"{model.__name__}.{field.name}"


def test_a_consultation_keeps_the_words_it_was_opened_on() -> None:
    from tests.factories import PlanFactory, PriorityFactory, ThemeFactory
    from wellboard.consultations.draft import paragraphs
    from wellboard.consultations.services import create_consultation

    strategy: Any = StrategyFactory(summary="Live well.\n\nTogether.", vision="A fairer Vale.")
    theme: Any = ThemeFactory(plan=PlanFactory(strategy=strategy), title="Starting well")
    PriorityFactory(theme=theme, title="Healthy weight", description="Fewer sugary drinks.")
    consultation = create_consultation(strategy, title="Have your say")
    assert consultation.strategy_version is not None
    assert consultation.strategy_version.label == "Consulted on: Have your say"
    strategy.summary = "Rewritten after the consultation."
    strategy.save()
    theme.title = "Best start in life"
    theme.save()
    found = [(p.key, p.heading, p.text) for p in paragraphs(consultation)]
    assert found == [
        ("summary-1", "", "Live well."),
        ("summary-2", "", "Together."),
        ("vision-1", "", "A fairer Vale."),
        ("theme-1", "Starting well", ""),
        ("priority-1-1", "Healthy weight", "Fewer sugary drinks."),
    ]
    question = consultation.questions.get(kind="priority")
    assert question.text == "How far do you agree that “Healthy weight” should be a priority?"
