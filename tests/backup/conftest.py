"""A rich partnership: the demo, plus at least one row in every table a backup carries."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone

from tests.factories import UpdateFactory
from wellboard.backup.collect import owned_models, owned_rows
from wellboard.consultations.models import (
    Answer,
    Consultation,
    ConsultationEvent,
    EqualityAnswers,
    ParagraphComment,
    Question,
    Response,
)
from wellboard.imports.models import ColumnMapping, ImportRun
from wellboard.indicators.models import IndicatorValue, ReportingArea
from wellboard.partnerships.duplicate_models import ActionMerge, IntendedPair
from wellboard.partnerships.models import Partnership
from wellboard.partnerships.working_groups import WorkingGroup, WorkingGroupPlace
from wellboard.practice.models import GoodPractice
from wellboard.reports.models import ReportSnapshot
from wellboard.rounds.email_models import EmailRequest
from wellboard.rounds.models import Round, RoundLead
from wellboard.strategy.models import (
    Action,
    ActionComment,
    ProgressUpdate,
    Strategy,
    UpdateReview,
)
from wellboard.strategy.versions import save_version
from wellboard.strategy.workflow_models import ProposalDecision


def _delivery(strategy: Strategy, user: User) -> list[Action]:
    actions = list(Action.objects.in_strategy(strategy).order_by("pk")[:3])
    first = ProgressUpdate.objects.create(
        action=actions[0], date=dt.date(2025, 11, 3), text="Six wards.", rag="amber", author=user
    )
    UpdateReview.objects.create(
        update=first,
        decision="returned",
        reason="Say which wards.",
        reviewer=user,
        decided_at=timezone.now(),
    )
    ProgressUpdate.objects.create(
        action=actions[0],
        date=dt.date(2025, 11, 4),
        text="Six wards: A, B, C, D, E and F.",
        rag="green",
        suggested_rag="amber",
        override_reason="The last ward signed up on Monday.",
        supersedes=first,
        author=user,
    )
    ActionComment.objects.create(action=actions[1], author=user, text="Can we add schools?")
    proposal = ActionComment.objects.create(
        action=actions[2], author=user, text="Due in Q3", kind="proposal"
    )
    ProposalDecision.objects.create(
        proposal=proposal, decision="rejected", reason="Q2 is agreed.", decided_by=user
    )
    Action.objects.filter(pk=actions[2].pk).update(weight=3)
    return actions


def _around(
    partnership: Partnership, strategy: Strategy, user: User, actions: list[Action]
) -> None:
    board = partnership.boards.first()
    organisation = partnership.organisations.first()
    person = partnership.people.first()
    assert board and organisation and person
    person.boards.add(board)
    ColumnMapping.objects.create(partnership=partnership, header="Carried out by", field="leads")
    ReportingArea.objects.update_or_create(
        partnership=partnership, defaults={"area_code": "E10000030", "area_name": "Vale"}
    )
    indicator = partnership.indicators.first()
    assert indicator is not None
    IndicatorValue.objects.create(
        indicator=indicator, area_code="E10000030", period_label="2024/25", value=12.5
    )
    group = WorkingGroup.objects.create(partnership=partnership, name="Carers", reports_to=board)
    group.actions.add(actions[0], actions[1])
    WorkingGroupPlace.objects.create(group=group, organisation=organisation, person=person)
    practice = GoodPractice.objects.create(
        partnership=partnership, name="Walking project", organisation=organisation
    )
    practice.actions.add(actions[0])
    practice.priorities.add(actions[0].priority)
    ImportRun.objects.create(
        partnership=partnership,
        file_name="plan.csv",
        created_by=user,
        target=strategy,
        source=b"Theme,Action\r\n\x00\xff",
        document={"format": "wellboard-plan", "themes": []},
    )
    ReportSnapshot.objects.create(
        strategy=strategy,
        kind="delivery",
        format="pdf",
        content=b"%PDF-1.7\n\x00\x01\xfe\xff",
        filename="delivery.pdf",
        content_type="application/pdf",
        as_of=dt.date(2025, 12, 1),
        board=board,
        created_by=user,
    )
    ActionMerge.objects.create(
        partnership=partnership,
        kept=actions[2],
        kept_title=actions[2].title,
        removed_id=987654,
        removed_title="A duplicate",
        merged_by=user,
    )
    IntendedPair.objects.create(
        partnership=partnership, first=actions[0], second=actions[1], decided_by=user
    )
    now = timezone.now()
    round_ = Round.objects.create(
        partnership=partnership,
        board=board,
        meeting_date=dt.date(2026, 1, 20),
        papers_deadline=dt.date(2026, 1, 10),
        opens_at=now,
        closes_at=now + dt.timedelta(days=7),
        officer=user,
        reminder_days=[3, 1],
    )
    lead = RoundLead.objects.create(round=round_, person=person, token_nonce="n1")
    lead.actions.add(actions[0])
    EmailRequest.objects.create(
        key="round-1-lead-1",
        round=round_,
        lead=lead,
        kind="request",
        to="lead@example.org",
        subject="Your update",
        body="Please update.",
    )


def _consultation(strategy: Strategy, user: User) -> None:
    consultation = Consultation.objects.create(
        strategy=strategy, title="Have your say", opens=dt.date(2025, 9, 1), status="closed"
    )
    priority = Action.objects.in_strategy(strategy).first().priority  # type: ignore[union-attr]
    question = Question.objects.create(
        consultation=consultation, kind="priority", priority=priority, text="Agree?"
    )
    ConsultationEvent.objects.create(
        consultation=consultation, date=dt.date(2025, 9, 20), place="Town library"
    )
    response = Response.objects.create(
        consultation=consultation,
        name="Sam",
        consent_privacy=True,
        consent_publish=True,
        moderation="published",
        published_text="Agree?\nYes",
        moderated_by=user,
    )
    Answer.objects.create(response=response, question=question, scale=4, comment="Yes")
    EqualityAnswers.objects.create(response=response, age_band="45_54")
    ParagraphComment.objects.create(
        consultation=consultation, paragraph_key="summary-1", text="Clear.", moderated_by=user
    )


@pytest.fixture
def rich_partnership() -> Partnership:
    call_command("demo", stdout=StringIO())
    partnership = Partnership.objects.get()
    strategy = partnership.strategies.get()
    user = User.objects.get(username="admin")
    actions = _delivery(strategy, user)
    _around(partnership, strategy, user, actions)
    _consultation(strategy, user)
    save_version(strategy, user, "Refresh draft")
    UpdateFactory()  # an action of another partnership, which the backup must leave out
    return partnership


def table_counts(partnership: Any) -> dict[str, int]:
    return {m._meta.label_lower: owned_rows(m, partnership.pk).count() for m in owned_models()}
