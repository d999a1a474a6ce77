"""Sign-in throttling (django-axes), the administrator's unlock page, Argon2 (issue #12.11)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.factories import MembershipFactory, PartnershipFactory, UserFactory
from wellboard.accounts.models import Membership

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"
LOGIN = "/accounts/login/"


@pytest.fixture(autouse=True)
def fast_password_hasher(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _officer() -> Membership:
    user = UserFactory(username="officer")
    user.set_password(PASSWORD)
    user.save()
    return MembershipFactory(user=user, role=Membership.Role.LEAD_OFFICER)


def _fail(client: Client, times: int) -> None:
    """Wrong passwords: the usual form error, and 429 from the attempt that locks."""
    for number in range(1, times + 1):
        response = client.post(LOGIN, {"username": "officer", "password": "wrong"})
        locking = number >= django_settings.AXES_FAILURE_LIMIT
        assert response.status_code == (429 if locking else 200)


def test_too_many_failures_lock_the_account_with_a_clear_message() -> None:
    _officer()
    client = Client()
    _fail(client, django_settings.AXES_FAILURE_LIMIT - 1)
    response = client.post(LOGIN, {"username": "officer", "password": "wrong"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed attempts to sign in as officer" in page
    assert "ask an administrator of your partnership to unlock it" in page
    # Even the right password is refused while locked, on the login page itself.
    response = client.post(LOGIN, {"username": "officer", "password": PASSWORD})
    assert response.status_code == 429
    assert "<h1>Sign in</h1>" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_starts_the_count_again() -> None:
    _officer()
    client = Client()
    _fail(client, django_settings.AXES_FAILURE_LIMIT - 1)
    assert client.post(LOGIN, {"username": "officer", "password": PASSWORD}).status_code == 302
    Client().post(LOGIN, {"username": "officer", "password": "wrong"})
    assert Client().post(LOGIN, {"username": "officer", "password": PASSWORD}).status_code == 302


def test_an_administrator_unlocks_a_member_from_the_partnership_pages() -> None:
    officer = _officer()
    _fail(Client(), django_settings.AXES_FAILURE_LIMIT)
    admin = MembershipFactory(partnership=officer.partnership, role=Membership.Role.ADMINISTRATOR)
    client = Client()
    client.force_login(admin.user)
    page = reverse("partnerships:lockouts", args=[officer.partnership.pk])
    overview = client.get(reverse("partnerships:overview", args=[officer.partnership.pk]))
    assert page in overview.content.decode()
    listing = client.get(page).content.decode()
    assert "officer" in listing and "Unlock" in listing
    response = client.post(page, {"username": "officer"})
    assert response.status_code == 302
    assert "No one is locked out" in client.get(page).content.decode()
    assert Client().post(LOGIN, {"username": "officer", "password": PASSWORD}).status_code == 302


def test_an_administrator_cannot_unlock_someone_outside_the_partnership() -> None:
    officer = _officer()
    _fail(Client(), django_settings.AXES_FAILURE_LIMIT)
    other = MembershipFactory(partnership=PartnershipFactory(), role=Membership.Role.ADMINISTRATOR)
    client = Client()
    client.force_login(other.user)
    page = reverse("partnerships:lockouts", args=[other.partnership.pk])
    assert "officer" not in client.get(page).content.decode()
    response = client.post(page, {"username": "officer"})
    assert response.status_code == 400
    assert Client().post(LOGIN, {"username": "officer", "password": PASSWORD}).status_code == 429
    member = MembershipFactory(partnership=officer.partnership, role=Membership.Role.BOARD_MEMBER)
    client.force_login(member.user)
    assert (
        client.get(reverse("partnerships:lockouts", args=[officer.partnership.pk])).status_code
        == 403
    )


def test_passwords_are_hashed_with_argon2_and_older_hashes_upgraded(settings: Any) -> None:
    settings.PASSWORD_HASHERS = django_settings.PRODUCTION_PASSWORD_HASHERS
    assert make_password(PASSWORD).startswith("argon2$")
    user = User.objects.create(
        username="old", password=make_password(PASSWORD, hasher="pbkdf2_sha256")
    )
    assert Client().post(LOGIN, {"username": "old", "password": PASSWORD}).status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$")
    assert check_password(PASSWORD, user.password)
