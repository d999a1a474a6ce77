"""The demo's update round: open on the day the demo is loaded, with a lead who answered."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wellboard.rounds.email_models import EmailRequest
from wellboard.rounds.models import Round
from wellboard.rounds.status import round_status

pytestmark = pytest.mark.django_db


def test_the_hwb_round_is_open_with_one_answer_and_the_officer_reaches_it() -> None:
    call_command("demo", stdout=StringIO())
    round = Round.objects.get(board__isnull=True, state=Round.State.OPEN)
    assert round.officer is not None and round.officer.username == "admin"
    assert round.leads.count() >= 3
    emails = round.emails.filter(kind=EmailRequest.Kind.REQUEST)
    assert emails.exists() and set(emails.values_list("state", flat=True)) == {"sent"}
    status = round_status(round, timezone.now())
    assert len(status.answered) == 1

    client = Client()
    client.force_login(User.objects.get(username="admin"))
    home = client.get("/").content.decode()
    assert f'href="/rounds/{round.pk}/"' in home
    page = client.get(f"/rounds/{round.pk}/").content.decode()
    assert "Answered" in page and "Nudge" in page

    before = (Round.objects.count(), EmailRequest.objects.count())
    call_command("demo", stdout=StringIO())  # loading again opens nothing twice
    assert (Round.objects.count(), EmailRequest.objects.count()) == before
