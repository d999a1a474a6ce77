"""The demo's update rounds, from its meeting calendar: the Health and Wellbeing Board's
round is open on the day the demo is loaded (its meeting is two weeks away), and one lead
officer has already answered through the emailed link.

The demo sends no email: the requests of a round it opens are recorded as sent, so the
round page shows a round in progress. Only updates written after the round opened count
as answers, so the demo plan's own updates, loaded just before, do not.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from wellboard.partnerships.models import Partnership
from wellboard.rounds.calendar import plan_upcoming
from wellboard.rounds.email_models import EmailRequest
from wellboard.rounds.models import Round
from wellboard.rounds.services import open_round
from wellboard.strategy import services as strategy_services
from wellboard.strategy.models import Rag

ANSWER = "On track: the work planned for this quarter is under way with partners."


def add_rounds(partnership: Partnership, now: datetime | None = None) -> int:
    """Plan the calendar's rounds and open those due; returns how many were opened."""
    now = now or timezone.now()
    plan_upcoming(now)
    due = Round.objects.filter(
        partnership=partnership, state=Round.State.SCHEDULED, opens_at__lte=now, closes_at__gt=now
    )
    opened = 0
    for round in due:
        if not open_round(round, now):
            continue
        opened += 1
        round.emails.filter(state=EmailRequest.State.PENDING).update(
            state=EmailRequest.State.SENT, sent_at=now, attempts=1
        )
        _one_lead_answers(round)
    return opened


def _one_lead_answers(round: Round) -> None:
    lead = round.leads.exclude(email="").prefetch_related("actions").first()
    if lead is None:
        return
    today = timezone.localdate()
    for action in lead.actions.all():
        strategy_services.add_update(
            action=action,
            author=None,
            author_name=lead.person.name,
            date=today,
            rag=Rag.GREEN,
            text=ANSWER,
            percent_complete=None,
        )
