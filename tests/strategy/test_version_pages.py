"""The versions pages: members read and compare, administrators save; changed words are
marked with <del>/<ins> around escaped text."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.delivery_world import World
from wellboard.strategy.models import Priority, StrategyVersion
from wellboard.strategy.versions import save_version

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _two_versions(world: World) -> tuple[StrategyVersion, StrategyVersion]:
    first = save_version(world.strategy, world.admin, "Before")
    priority = Priority.objects.filter(theme__plan__strategy=world.strategy).first()
    assert priority is not None
    priority.title = "Cut smoking <script>alert('x')</script> among young people"
    priority.save()
    return first, save_version(world.strategy, world.admin, "After")


def test_administrator_saves_a_version_from_the_strategy_page(world: World) -> None:
    client = _client(world.admin)
    url = f"/strategies/{world.strategy.pk}/versions/"
    assert url in client.get(world.strategy.get_absolute_url()).content.decode()
    response = client.post(url, {"label": "For the <b>away day</b>"})
    assert response.status_code == 302
    version = world.strategy.versions.latest()
    assert (version.label, version.created_by) == ("For the <b>away day</b>", world.admin)
    page = client.get(url).content.decode()
    assert "For the &lt;b&gt;away day&lt;/b&gt;" in page
    assert "Save a version" in page


def test_compare_marks_changed_words_and_escapes_them(world: World) -> None:
    first, second = _two_versions(world)
    client = _client(world.board)
    url = f"/strategies/{world.strategy.pk}/versions/compare/"
    page = client.get(url, {"old": first.number, "new": second.number}).content.decode()
    assert "<ins>" in page and "&lt;script&gt;alert(" in page
    assert "<script>alert(" not in page
    assert "Version 1: Before" in page and "Version 2: After" in page
    # Without a choice, the newest version is compared with the one before it.
    assert "<ins>" in client.get(url).content.decode()
    listed = client.get(f"/strategies/{world.strategy.pk}/versions/").content.decode()
    assert f"{url}?old=1&amp;new=2" in listed  # each version links to its changes


def test_compare_refuses_a_version_the_strategy_does_not_have(world: World) -> None:
    _two_versions(world)
    url = f"/strategies/{world.strategy.pk}/versions/compare/"
    response = _client(world.admin).get(url, {"old": "99", "new": "x"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.parametrize("who", ["lead", "board"])
def test_other_members_read_versions_but_cannot_save_one(world: World, who: str) -> None:
    client = _client(getattr(world, who))
    url = f"/strategies/{world.strategy.pk}/versions/"
    page = client.get(url)
    assert page.status_code == 200 and "Save a version" not in page.content.decode()
    assert client.post(url, {"label": "mine"}).status_code == 403
    assert not world.strategy.versions.exists()


def test_another_partnership_sees_no_versions(world: World) -> None:
    save_version(world.strategy, world.admin, "Ours")
    client = _client(world.stranger)
    assert client.get(f"/strategies/{world.strategy.pk}/versions/").status_code == 404
    compare = f"/strategies/{world.strategy.pk}/versions/compare/"
    assert client.get(compare).status_code == 404
