"""The members page: administrators change roles and people, deactivate and resend;
every other role is refused, and other partnerships' members do not exist."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import MembershipFactory, PersonFactory
from tests.partnerships.conftest import ADMIN, BOARD, LEAD, Two
from tests.smtp import SmtpServer
from wellboard.accounts.models import Membership

pytestmark = pytest.mark.django_db


def _member(two: Two, role: str = LEAD, **kw: object) -> Membership:
    membership: Membership = MembershipFactory(partnership=two.ours, role=role, **kw)
    return membership


def test_the_list_shows_each_members_role_person_and_state(two: Two) -> None:
    person = PersonFactory(partnership=two.ours, name="Ada Lead")
    _member(two, person=person)
    off = _member(two, role=BOARD, active=False)
    html = two.client_for(ADMIN).get(f"/partnerships/{two.ours.pk}/members/").content.decode()
    assert "Ada Lead" in html and "Lead officer" in html and "Board member" in html
    assert "Deactivated" in html and f"Reactivate {off.user.username}" in html


def test_an_administrator_changes_a_role_and_person_refusing_stale_forms(two: Two) -> None:
    membership = _member(two)
    person = PersonFactory(partnership=two.ours)
    client = two.client_for(ADMIN)
    url = f"/members/{membership.pk}/edit/"
    data = {"role": "board_member", "person": person.pk, "version": "1"}
    assert client.post(url, data).status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.person, membership.version) == ("board_member", person, 2)
    stale = client.post(url, {**data, "role": "administrator"})
    assert stale.status_code == 409
    membership.refresh_from_db()
    assert membership.role == "board_member"


def test_a_person_from_another_partnership_cannot_be_linked(two: Two) -> None:
    membership = _member(two)
    theirs = PersonFactory(partnership=two.theirs)
    url = f"/members/{membership.pk}/edit/"
    response = two.client_for(ADMIN).post(url, {"role": LEAD, "person": theirs.pk, "version": "1"})
    assert response.status_code == 400
    membership.refresh_from_db()
    assert membership.person is None


def test_a_deactivated_member_loses_every_right_until_reactivated(two: Two) -> None:
    membership = _member(two, role=BOARD)
    member = Client()
    member.force_login(membership.user)
    people = f"/partnerships/{two.ours.pk}/people/"
    assert member.get(people).status_code == 200
    admin = two.client_for(ADMIN)
    assert admin.post(f"/members/{membership.pk}/active/").status_code == 302
    membership.refresh_from_db()
    assert not membership.active
    assert member.get(people).status_code == 404
    admin.post(f"/members/{membership.pk}/active/")
    assert member.get(people).status_code == 200


def test_the_last_administrator_is_neither_deactivated_nor_demoted(two: Two) -> None:
    only = _member(two, role=ADMIN)
    client = Client()
    client.force_login(only.user)
    client.post(f"/members/{only.pk}/active/")
    page = client.post(f"/members/{only.pk}/edit/", {"role": BOARD, "version": "1"})
    assert page.status_code == 400 and "needs an administrator" in page.content.decode()
    only.refresh_from_db()
    assert only.active and only.role == ADMIN
    second = _member(two, role=ADMIN)
    assert client.post(f"/members/{second.pk}/active/").status_code == 302
    second.refresh_from_db()
    assert not second.active


def test_the_invitation_can_be_sent_again(two: Two, smtp_server: SmtpServer) -> None:
    membership = _member(two)
    membership.user.email = "again@example.org"
    membership.user.set_unusable_password()
    membership.user.save()
    response = two.client_for(ADMIN).post(f"/members/{membership.pk}/invite/")
    assert response.status_code == 302
    assert smtp_server.deliveries[0].recipients == ["again@example.org"]
    assert "/accounts/invitation/" in smtp_server.text(smtp_server.messages[0])


@pytest.mark.parametrize("role", [LEAD, BOARD])
def test_other_roles_are_refused_everything(two: Two, role: str, smtp_server: SmtpServer) -> None:
    target = _member(two, role=ADMIN)
    client = two.client_for(role)
    pk = two.ours.pk
    invite = {"email": "x@example.org", "role": ADMIN}
    assert client.get(f"/partnerships/{pk}/members/").status_code == 403
    assert client.post(f"/partnerships/{pk}/members/", invite).status_code == 403
    assert client.post(f"/members/{target.pk}/edit/", {"role": BOARD}).status_code == 403
    assert client.post(f"/members/{target.pk}/active/").status_code == 403
    assert client.post(f"/members/{target.pk}/invite/").status_code == 403
    target.refresh_from_db()
    assert target.active and target.role == ADMIN
    assert smtp_server.messages == []


def test_another_partnerships_members_are_not_found(two: Two) -> None:
    theirs = MembershipFactory(partnership=two.theirs, role=LEAD)
    client = two.client_for(ADMIN)
    assert client.get(f"/partnerships/{two.theirs.pk}/members/").status_code == 404
    assert client.get(f"/members/{theirs.pk}/edit/").status_code == 404
    assert client.post(f"/members/{theirs.pk}/active/").status_code == 404
    assert Client().get(f"/partnerships/{two.ours.pk}/members/").status_code == 302
