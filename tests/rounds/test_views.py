"""The officer's round pages: reached from the home page, CSRF on every change, and a
round of another partnership never shown."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import MembershipFactory, StrategyFactory, UserFactory
from tests.rounds.round_world import RoundWorld, build_round_world
from wellboard.accounts.models import Membership
from wellboard.rounds import services
from wellboard.rounds.models import RoundLead
from wellboard.rounds.schedule import LONDON

pytestmark = pytest.mark.django_db


# A day of the round, between its first and second reminders: the board pages list the
# meeting (10 December 2026) as upcoming only until it has passed.
DURING_THE_ROUND = dt.datetime(2026, 11, 29, 12, 0, tzinfo=LONDON)


@pytest.fixture
def world(settings: Any, time_machine: Any) -> RoundWorld:
    settings.WELLBOARD_BASE_URL = "http://testserver"
    time_machine.move_to(DURING_THE_ROUND, tick=True)
    world = build_round_world()
    services.open_round(world.round, timezone.now())
    return world


def signed_in(user: Any, **kwargs: Any) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


def test_the_home_page_links_the_officer_to_the_open_round(world: RoundWorld) -> None:
    home = signed_in(world.officer).get("/").content.decode()
    assert f'href="/rounds/{world.round.pk}/"' in home
    lead: Any = UserFactory()
    MembershipFactory(
        user=lead,
        partnership=world.partnership,
        role=Membership.Role.LEAD_OFFICER,
        person=world.ada,
    )
    assert 'id="open-rounds"' not in signed_in(lead).get("/").content.decode()
    assert 'id="open-rounds"' not in Client().get("/").content.decode()


def test_the_round_list_shows_only_the_officers_partnership(world: RoundWorld) -> None:
    elsewhere: Any = StrategyFactory()
    other = services.plan_round(
        partnership=elsewhere.partnership, board=None, meeting=dt.date(2026, 12, 10)
    )
    page = signed_in(world.officer).get("/rounds/").content.decode()
    assert f"/rounds/{world.round.pk}/" in page and f"/rounds/{other.pk}/" not in page
    assert signed_in(world.officer).get(f"/rounds/{other.pk}/").status_code == 404


def test_nudge_and_revoke_need_the_csrf_token(world: RoundWorld) -> None:
    lead = world.round.leads.get(person=world.bo)
    client = signed_in(world.officer, enforce_csrf_checks=True)
    assert client.post(f"/rounds/asks/{lead.pk}/revoke/").status_code == 403
    assert client.post(f"/rounds/asks/{lead.pk}/nudge/").status_code == 403
    assert RoundLead.objects.get(pk=lead.pk).revoked_at is None
    page = client.get(world.round.get_absolute_url())
    token = page.cookies["csrftoken"].value
    response = client.post(f"/rounds/asks/{lead.pk}/revoke/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert RoundLead.objects.get(pk=lead.pk).revoked_at is not None


def test_the_board_pages_link_the_meeting_to_its_round(world: RoundWorld) -> None:
    link = f'href="/rounds/{world.round.pk}/"'
    officer = signed_in(world.officer)
    assert link in officer.get(f"/boards/{world.board.pk}/").content.decode()
    calendar = officer.get(f"/partnerships/{world.partnership.pk}/boards/").content.decode()
    assert link in calendar
    member: Any = UserFactory()
    MembershipFactory(user=member, partnership=world.partnership, role=Membership.Role.BOARD_MEMBER)
    assert link not in signed_in(member).get(f"/boards/{world.board.pk}/").content.decode()


def test_the_officer_changes_the_reminder_days(world: RoundWorld) -> None:
    officer = signed_in(world.officer)
    url = f"/rounds/{world.round.pk}/settings/"
    page = officer.get(url).content.decode()
    assert 'value="7, 2"' in page
    refused = officer.post(url, {"reminder_days": "a week"})
    assert refused.status_code == 400 and "whole numbers" in refused.content.decode()
    assert officer.post(url, {"reminder_days": "5, 1"}).status_code == 302
    world.round.refresh_from_db()
    assert world.round.reminder_days == [5, 1]
