from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from wellboard.accounts.models import Membership
from wellboard.strategy.models import Action, Strategy

pytestmark = pytest.mark.django_db


def test_demo_loads_the_strategy_and_four_users(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WELLBOARD_DEMO_PASSWORD", "a-long-demo-passphrase")
    call_command("demo", stdout=StringIO())
    strategy = Strategy.objects.get()
    assert Action.objects.in_strategy(strategy).count() >= 40
    roles = dict(Membership.objects.values_list("user__username", "role"))
    assert roles == {
        "admin": "administrator",
        "lead1": "lead_officer",
        "lead2": "lead_officer",
        "board1": "board_member",
    }
    for username in roles:
        assert authenticate(username=username, password="a-long-demo-passphrase") is not None


def test_lead_officers_are_linked_to_people_who_lead_actions() -> None:
    call_command("demo", stdout=StringIO())
    for membership in Membership.objects.filter(role="lead_officer"):
        assert membership.person is not None
        assert Action.objects.filter(lead_officer=membership.person).exists()


def test_demo_generates_and_prints_a_password_when_none_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WELLBOARD_DEMO_PASSWORD", raising=False)
    out = StringIO()
    call_command("demo", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    assert len(password) >= 12
    assert authenticate(username="board1", password=password) is not None


def test_demo_if_empty_leaves_an_existing_database_alone() -> None:
    call_command("demo", stdout=StringIO())
    out = StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert "demo not loaded" in out.getvalue()
    assert Strategy.objects.count() == 1


def test_running_demo_twice_does_not_duplicate_it() -> None:
    call_command("demo", stdout=StringIO())
    call_command("demo", stdout=StringIO())
    assert Strategy.objects.count() == 1


def test_a_second_run_still_says_how_to_sign_in_without_changing_passwords(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WELLBOARD_DEMO_PASSWORD", raising=False)
    first = StringIO()
    call_command("demo", "--if-empty", stdout=first)
    password = first.getvalue().split("password: ")[1].split()[0]
    assert "/accounts/login/" in first.getvalue()
    again = StringIO()
    call_command("demo", "--if-empty", stdout=again)
    text = again.getvalue()
    assert "demo not loaded" in text
    assert "/accounts/login/" in text and "admin" in text and "wellboard demo" in text
    assert authenticate(username="admin", password=password) is not None


def test_a_second_run_with_a_chosen_password_sets_it(monkeypatch: pytest.MonkeyPatch) -> None:
    call_command("demo", stdout=StringIO())
    monkeypatch.setenv("WELLBOARD_DEMO_PASSWORD", "another-long-passphrase")
    out = StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert "WELLBOARD_DEMO_PASSWORD" in out.getvalue()
    assert authenticate(username="lead1", password="another-long-passphrase") is not None
    assert Strategy.objects.count() == 1


def test_if_empty_leaves_an_installation_made_by_setup_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WELLBOARD_SETUP_PASSWORD", "correct-horse-battery-staple")
    call_command(
        "setup", "--partnership", "Northshire", "--username", "officer",
        "--email", "o@example.org", stdout=StringIO(),
    )  # fmt: skip
    out = StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert "demo not loaded" in out.getvalue()
    assert "wellboard setup" in out.getvalue()
    assert not Strategy.objects.exists()
    assert not Membership.objects.filter(user__username="admin").exists()
