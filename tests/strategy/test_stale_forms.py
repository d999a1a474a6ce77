"""Every edit path refuses a stale form with a clear message (issue #12, item 4)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.delivery_world import World

pytestmark = pytest.mark.django_db


def _settings_post(world: World, version: int, published: bool) -> dict[str, str]:
    priority = world.own_action.priority
    data = {
        "s-version": str(version),
        "s-locked_through": "",
        f"w-theme_{priority.theme_id}": "1",
        f"w-priority_{priority.pk}": "1",
    }
    if published:
        data["s-published"] = "on"
    return data


def test_strategy_settings_refuse_a_stale_form(client: Client, world: World) -> None:
    client.force_login(world.admin)
    url = f"/strategies/{world.strategy.pk}/settings/"
    version = world.strategy.version
    first = client.post(url, _settings_post(world, version, published=False))
    assert first.status_code == 302
    second = client.post(
        url, _settings_post(world, version, published=True) | {"s-requires_approval": "on"}
    )
    assert second.status_code == 200
    page = second.content.decode()
    assert "Someone else saved this strategy" in page
    assert "nothing was saved" in page
    world.strategy.refresh_from_db()
    assert (world.strategy.published, world.strategy.requires_approval) == (False, False)
    # Saving again from the re-drawn form is a deliberate choice and goes through.
    third = client.post(url, _settings_post(world, version + 1, published=True))
    assert third.status_code == 302
    world.strategy.refresh_from_db()
    assert world.strategy.published


def test_a_form_without_a_version_is_refused(client: Client, world: World) -> None:
    client.force_login(world.admin)
    url = f"/strategies/{world.strategy.pk}/settings/"
    data: dict[str, Any] = _settings_post(world, 0, published=False)
    data.pop("s-version")
    response = client.post(url, data)
    assert response.status_code == 200
    world.strategy.refresh_from_db()
    assert world.strategy.published


def test_good_practice_edit_refuses_a_stale_form(client: Client, world: World) -> None:
    from tests.factories import GoodPracticeFactory

    entry: Any = GoodPracticeFactory(partnership=world.strategy.partnership, summary="First")
    client.force_login(world.admin)
    url = f"/practice/{entry.pk}/edit/"
    data = {"version": str(entry.version), "name": entry.name, "summary": "Mine"}
    assert client.post(url, data).status_code == 302
    refused = client.post(url, data | {"summary": "Theirs"})
    assert "Someone else saved this good practice example" in refused.content.decode()
    entry.refresh_from_db()
    assert entry.summary == "Mine"
