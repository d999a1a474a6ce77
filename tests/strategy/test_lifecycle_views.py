"""The administrator's status-and-decisions page, and the approval history on the strategy
page and the public page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tests.delivery_world import World
from tests.factories import add_deciding_bodies
from wellboard.strategy.lifecycle import transition
from wellboard.strategy.models import ApprovalDecision, Strategy

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _bodies(world: World) -> None:
    """The world's partnership decides with the usual bodies (rolled back after each test)."""
    add_deciding_bodies(world.strategy.partnership)


def _url(world: World) -> str:
    return f"/strategies/{world.strategy.pk}/lifecycle/"


def _post(client: Client, world: World, **values: str) -> object:
    data = {"target": "consultation", "body": "HWB",
            "meeting_date": "2026-09-27", "minute": "HWB/26/14", "expected": "draft"}  # fmt: skip
    return client.post(_url(world), {**data, **values})


def test_strategy_page_links_administrators_to_the_lifecycle(world: World) -> None:
    client = Client()
    client.force_login(world.admin)
    page = client.get(world.strategy.get_absolute_url()).content.decode()
    assert _url(world) in page
    client.force_login(world.board)
    assert _url(world) not in client.get(world.strategy.get_absolute_url()).content.decode()


def test_the_form_offers_only_the_allowed_next_steps(world: World) -> None:
    client = Client()
    client.force_login(world.admin)
    page = client.get(_url(world)).content.decode()
    assert 'value="consultation"' in page
    assert 'value="approved"' in page
    assert 'value="adopted"' not in page
    assert 'name="expected" value="draft"' in page


def test_administrator_records_a_decision(world: World) -> None:
    client = Client()
    client.force_login(world.admin)
    response = _post(client, world)
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert Strategy.objects.get(pk=world.strategy.pk).status == "consultation"
    record = ApprovalDecision.objects.get(strategy=world.strategy)
    assert record.recorded_by == world.admin
    page = client.get(world.strategy.get_absolute_url()).content.decode()
    assert "Approval history" in page
    assert "HWB/26/14" in page
    assert "Draft to In consultation" in page
    assert "admin" in page


def test_a_refused_step_is_a_form_error_and_writes_nothing(world: World) -> None:
    client = Client()
    client.force_login(world.admin)
    response = _post(client, world, target="adopted")
    assert response.status_code == 400  # type: ignore[attr-defined]
    response = _post(client, world, body="", meeting_date="")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "needs the deciding body and the meeting date" in response.content.decode()  # type: ignore[attr-defined]
    assert Strategy.objects.get(pk=world.strategy.pk).status == "draft"
    assert not ApprovalDecision.objects.filter(strategy=world.strategy).exists()


def test_a_stale_form_is_refused(world: World) -> None:
    transition(world.strategy.pk, "consultation", body="HWB", meeting_date=dt.date(2026, 9, 1))
    client = Client()
    client.force_login(world.admin)
    response = _post(client, world, target="approved")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "since this page was opened" in response.content.decode()  # type: ignore[attr-defined]
    assert Strategy.objects.get(pk=world.strategy.pk).status == "consultation"


@pytest.mark.parametrize("who", ["lead", "board"])
def test_members_who_are_not_administrators_cannot_move_the_strategy(
    world: World, who: str
) -> None:
    client = Client()
    client.force_login(getattr(world, who))
    assert client.get(_url(world)).status_code == 403
    assert _post(client, world).status_code == 403  # type: ignore[attr-defined]
    assert Strategy.objects.get(pk=world.strategy.pk).status == "draft"


def test_another_partnership_sees_no_such_strategy(world: World) -> None:
    client = Client()
    client.force_login(world.stranger)
    assert _post(client, world).status_code == 404  # type: ignore[attr-defined]
    assert Strategy.objects.get(pk=world.strategy.pk).status == "draft"


def test_public_page_shows_the_history_without_names(world: World) -> None:
    transition(
        world.strategy.pk, "consultation", body="HWB",
        meeting_date=dt.date(2026, 9, 27), minute="HWB/26/14", user=world.admin,
    )  # fmt: skip
    page = Client().get(f"/public/strategies/{world.strategy.pk}/").content.decode()
    assert "Approval history" in page
    assert "27 Sep 2026" in page
    assert "Consultation agreed" in page
    assert "Recorded by" not in page
