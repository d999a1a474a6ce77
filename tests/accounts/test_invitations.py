"""Invitations by email over real SMTP: the link sets a password once, for seven days."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.test import Client

from tests.factories import MembershipFactory, PartnershipFactory, PersonFactory
from tests.smtp import SmtpServer
from wellboard.accounts.models import Membership

pytestmark = pytest.mark.django_db
START = dt.datetime(2027, 1, 4, 9, 0, tzinfo=dt.UTC)
LINK = re.compile(r"http://testserver(/accounts/invitation/[^/\s]+/)")


def _admin_client(partnership: object) -> Client:
    admin = MembershipFactory(partnership=partnership, role=Membership.Role.ADMINISTRATOR)
    client = Client()
    client.force_login(admin.user)
    return client


def _invite(client: Client, partnership: object, **extra: object) -> object:
    data = {"email": "Ada.Lead@Example.org", "name": "Ada Lead", "role": "lead_officer", **extra}
    return client.post(f"/partnerships/{partnership.pk}/members/", data)  # type: ignore[attr-defined]


def _link(smtp_server: SmtpServer) -> str:
    [message] = smtp_server.messages
    found = LINK.search(smtp_server.text(message))
    assert found is not None, smtp_server.text(message)
    return found.group(1)


@time_machine.travel(START, tick=False)
def test_the_invitation_arrives_and_its_link_sets_the_password(smtp_server: SmtpServer) -> None:
    partnership = PartnershipFactory(name="Riverside Health and Wellbeing Board")
    person = PersonFactory(partnership=partnership, name="Ada Lead")
    response = _invite(_admin_client(partnership), partnership, person=person.pk)
    assert response.status_code == 302
    [message] = smtp_server.messages
    assert smtp_server.deliveries[0].recipients == ["ada.lead@example.org"]
    assert (
        message["Subject"] == "You are invited to Riverside Health and Wellbeing Board on Wellboard"
    )
    text = smtp_server.text(message)
    assert "as lead officer" in text and "ada.lead@example.org" in text and "7 days" in text
    membership = Membership.objects.get(user__email="ada.lead@example.org")
    assert (membership.role, membership.person, membership.active) == ("lead_officer", person, True)
    assert not membership.user.has_usable_password()

    link = _link(smtp_server)
    visitor = Client()
    assert "Set your password" in visitor.get(link).content.decode()
    done = visitor.post(
        link, {"new_password1": "kestrel-harbour-91", "new_password2": "kestrel-harbour-91"}
    )
    assert done.status_code == 302
    assert authenticate(username="ada.lead@example.org", password="kestrel-harbour-91") is not None
    assert visitor.get("/").wsgi_request.user.get_username() == "ada.lead@example.org"
    # Used once: the same link no longer works.
    again = Client().get(link)
    assert again.status_code == 400 and "already been used" in again.content.decode()


def test_the_link_expires_after_seven_days(smtp_server: SmtpServer) -> None:
    partnership = PartnershipFactory()
    with time_machine.travel(START, tick=False):
        _invite(_admin_client(partnership), partnership)
    link = _link(smtp_server)
    with time_machine.travel(START + dt.timedelta(days=6, hours=23), tick=False):
        assert Client().get(link).status_code == 200
    with time_machine.travel(START + dt.timedelta(days=7, minutes=1), tick=False):
        late = Client().post(
            link, {"new_password1": "kestrel-harbour-91", "new_password2": "kestrel-harbour-91"}
        )
    assert late.status_code == 400 and "expired" in late.content.decode()
    assert not User.objects.get(username="ada.lead@example.org").has_usable_password()


def test_a_tampered_link_is_refused_with_a_clear_page(smtp_server: SmtpServer) -> None:
    partnership = PartnershipFactory()
    _invite(_admin_client(partnership), partnership)
    link = _link(smtp_server)
    token = link.rstrip("/").rsplit("/", 1)[1]
    forged = link.replace(token, token[:-3] + ("abc" if not token.endswith("abc") else "xyz"))
    response = Client().get(forged)
    assert response.status_code == 400
    assert "This link cannot be used" in response.content.decode()


def test_a_refused_send_adds_nobody(smtp_server: SmtpServer) -> None:
    partnership = PartnershipFactory()
    client = _admin_client(partnership)
    smtp_server.fail_next(1, "554 5.7.1 Relay refused")
    response = _invite(client, partnership)
    assert response.status_code == 400
    assert "could not be sent" in response.content.decode()
    assert not User.objects.filter(username="ada.lead@example.org").exists()
    assert smtp_server.messages == []


def test_an_existing_member_is_not_invited_twice(smtp_server: SmtpServer) -> None:
    partnership = PartnershipFactory()
    client = _admin_client(partnership)
    _invite(client, partnership)
    again = _invite(client, partnership, email="ada.lead@example.org")
    assert again.status_code == 400 and "already a member" in again.content.decode()
    assert len(smtp_server.messages) == 1


def test_someone_in_another_partnership_is_invited_with_the_same_account(
    smtp_server: SmtpServer,
) -> None:
    elsewhere = MembershipFactory(role=Membership.Role.BOARD_MEMBER)
    elsewhere.user.email = "bo@example.org"
    elsewhere.user.save()
    partnership = PartnershipFactory()
    _invite(_admin_client(partnership), partnership, email="BO@example.org", role="board_member")
    assert Membership.objects.filter(user=elsewhere.user).count() == 2
    assert smtp_server.deliveries[0].recipients == ["bo@example.org"]
