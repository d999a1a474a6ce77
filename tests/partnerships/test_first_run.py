"""`wellboard setup`: the first partnership and its administrator, refusals in one line."""

from __future__ import annotations

import getpass
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client

from tests.factories import PartnershipFactory, UserFactory
from wellboard.accounts.models import Membership
from wellboard.partnerships.models import Partnership

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def password_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WELLBOARD_SETUP_PASSWORD", PASSWORD)


def _setup(*extra: str, partnership: str = "Northshire HWB", username: str = "officer") -> str:
    out = StringIO()
    call_command(
        "setup",
        "--partnership",
        partnership,
        "--username",
        username,
        "--email",
        "officer@example.org",
        *extra,
        stdout=out,
    )
    return out.getvalue()


def _refused(**kwargs: str) -> str:
    before = (Partnership.objects.count(), User.objects.count(), Membership.objects.count())
    with pytest.raises(CommandError) as caught:
        _setup(**kwargs)
    assert caught.value.returncode == 2
    message = str(caught.value)
    assert "\n" not in message
    after = (Partnership.objects.count(), User.objects.count(), Membership.objects.count())
    assert after == before, "a refused setup writes nothing"
    return message


@pytest.mark.usefixtures("password_from_environment")
def test_setup_creates_the_partnership_and_its_administrator() -> None:
    out = _setup()
    partnership = Partnership.objects.get()
    assert partnership.name == "Northshire HWB"
    assert "Northshire HWB" in out and "/accounts/login/" in out
    membership = Membership.objects.get()
    assert membership.partnership == partnership
    assert membership.role == Membership.Role.ADMINISTRATOR
    assert membership.user.email == "officer@example.org"
    assert not membership.user.is_staff and not membership.user.is_superuser
    assert authenticate(username="officer", password=PASSWORD) == membership.user


@pytest.mark.usefixtures("password_from_environment")
def test_the_new_administrator_signs_in_and_reaches_the_home_page() -> None:
    _setup()
    client = Client()
    assert client.login(username="officer", password=PASSWORD)
    response = client.get("/")
    assert response.status_code == 200
    assert "Signed in as officer" in response.content.decode()


@pytest.mark.usefixtures("password_from_environment")
def test_an_existing_partnership_is_refused() -> None:
    PartnershipFactory(name="Northshire HWB")
    assert "already exists" in _refused(partnership="northshire hwb")


@pytest.mark.usefixtures("password_from_environment")
def test_an_existing_user_is_refused() -> None:
    UserFactory(username="officer")
    assert "a user called 'officer' already exists" in _refused()


@pytest.mark.usefixtures("password_from_environment")
def test_a_second_setup_is_refused() -> None:
    _setup()
    assert "already exists" in _refused()
    assert "already exists" in _refused(partnership="Another HWB")


def test_a_weak_password_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WELLBOARD_SETUP_PASSWORD", "12345")
    assert "password" in _refused()


@pytest.mark.usefixtures("password_from_environment")
def test_a_blank_partnership_name_is_refused() -> None:
    assert "needs a name" in _refused(partnership="  ")


def test_the_password_is_asked_for_when_the_environment_has_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WELLBOARD_SETUP_PASSWORD", raising=False)
    prompts: list[str] = []

    def typed(prompt: str = "") -> str:
        prompts.append(prompt)
        return PASSWORD

    monkeypatch.setattr(getpass, "getpass", typed)
    _setup()
    assert len(prompts) == 2, "asked twice, to catch a typing mistake"
    assert authenticate(username="officer", password=PASSWORD) is not None


def test_two_different_typed_passwords_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WELLBOARD_SETUP_PASSWORD", raising=False)
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    assert "differ" in _refused()


def test_no_terminal_and_no_variable_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WELLBOARD_SETUP_PASSWORD", raising=False)

    def closed(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr(getpass, "getpass", closed)
    assert "WELLBOARD_SETUP_PASSWORD" in _refused()
