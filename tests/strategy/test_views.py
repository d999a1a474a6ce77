"""Every delivery page for every role: allowed, refused (403) or hidden (404), never 500."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.delivery_world import World

pytestmark = pytest.mark.django_db

READ_PAGES = ["overview", "theme", "priority", "action", "list", "my", "strategies"]
ROLES = ["admin", "lead", "board"]


def page_url(world: World, page: str, action: object = None) -> str:
    a = action or world.own_action
    return {
        "overview": f"/strategies/{world.strategy.pk}/",
        "theme": f"/themes/{a.priority.theme_id}/",  # type: ignore[attr-defined]
        "priority": f"/priorities/{a.priority_id}/",  # type: ignore[attr-defined]
        "action": f"/actions/{a.pk}/",  # type: ignore[attr-defined]
        "update": f"/actions/{a.pk}/update/",  # type: ignore[attr-defined]
        "edit": f"/actions/{a.pk}/edit/",  # type: ignore[attr-defined]
        "settings": f"/strategies/{world.strategy.pk}/settings/",
        "list": "/actions/",
        "my": "/my/actions/",
        "strategies": "/strategies/",
    }[page]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", READ_PAGES)
def test_members_read_every_page(client: Client, world: World, role: str, page: str) -> None:
    client.force_login(getattr(world, role))
    response = client.get(page_url(world, page))
    # Board members lead no actions: "my actions" is for the people who do.
    assert response.status_code == (403 if (role, page) == ("board", "my") else 200)
    assert "Riverside" in response.content.decode() or page in ("list", "my")


@pytest.mark.parametrize(
    "page", ["overview", "theme", "priority", "action", "update", "edit", "settings"]
)
def test_another_partnership_gets_404(client: Client, world: World, page: str) -> None:
    client.force_login(world.stranger)
    assert client.get(page_url(world, page)).status_code == 404


@pytest.mark.parametrize("page", [*READ_PAGES, "update", "edit", "settings"])
def test_anonymous_users_are_sent_to_sign_in(client: Client, world: World, page: str) -> None:
    response = client.get(page_url(world, page))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize(
    ("role", "page", "own", "expected"),
    [
        ("admin", "update", False, 200),
        ("admin", "edit", False, 200),
        ("admin", "settings", False, 200),
        ("lead", "update", True, 200),
        ("lead", "edit", True, 200),
        ("lead", "update", False, 403),
        ("lead", "edit", False, 403),
        ("lead", "settings", False, 403),
        ("board", "update", True, 403),
        ("board", "edit", True, 403),
        ("board", "settings", False, 403),
    ],
)
def test_change_pages_by_role(
    client: Client, world: World, role: str, page: str, own: bool, expected: int
) -> None:
    client.force_login(getattr(world, role))
    action = world.own_action if own else world.other_action
    assert client.get(page_url(world, page, action)).status_code == expected


def test_board_member_cannot_post_an_update(client: Client, world: World) -> None:
    client.force_login(world.board)
    before = world.own_action.updates.count()
    response = client.post(
        f"/actions/{world.own_action.pk}/update/",
        {"date": "2026-11-20", "rag": "green", "text": "Sneaky"},
    )
    assert response.status_code == 403
    assert world.own_action.updates.count() == before


def test_other_partnership_cannot_see_my_actions(client: Client, world: World) -> None:
    client.force_login(world.stranger)
    html = client.get("/actions/").content.decode()
    assert world.own_action.title not in html
    assert world.foreign_action.title in html


def test_my_actions_lists_only_the_leads_own(client: Client, world: World) -> None:
    client.force_login(world.lead)
    html = client.get("/my/actions/").content.decode()
    assert f"/actions/{world.own_action.pk}/" in html
    assert f"/actions/{world.other_action.pk}/" not in html


def test_public_view_shows_published_without_contact_details(client: Client, world: World) -> None:
    response = client.get(f"/public/strategies/{world.strategy.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    theme_page = f"/public/themes/{world.own_action.priority.theme_id}/"
    assert theme_page in html  # the actions are one click away, on their theme's page
    theme_html = client.get(theme_page).content.decode()
    assert world.own_action.title in theme_html
    for page in (html, theme_html):
        assert "ada@example.org" not in page
        assert "Ada Lead" not in page


def test_public_view_of_unpublished_strategy_is_404(client: Client, world: World) -> None:
    foreign = world.foreign_action.priority.theme.plan.strategy
    assert client.get(f"/public/strategies/{foreign.pk}/").status_code == 404


def test_overview_shows_roll_up_bar_key_and_milestones(client: Client, world: World) -> None:
    client.force_login(world.board)
    html = client.get(page_url(world, "overview")).content.decode()
    assert 'class="wb-bar"' in html
    assert "2 on track" in html
    assert "Role type colour key" in html
    assert "Milestone 0" in html


def test_sign_in_page_signs_in(client: Client, world: World) -> None:
    from tests.delivery_world import PASSWORD

    response = client.post("/accounts/login/", {"username": "lead", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/my/actions/").status_code == 200


def test_sign_in_with_a_wrong_password_is_a_form_error(client: Client, world: World) -> None:
    response = client.post("/accounts/login/", {"username": "lead", "password": "nope"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_bad_filter_values_are_reported_not_500(client: Client, world: World) -> None:
    client.force_login(world.admin)
    response = client.get("/actions/?theme=abc&due_before=soon&status=zzz&role=x")
    assert response.status_code == 200
    assert "Some filters were ignored" in response.content.decode()


def test_user_text_is_escaped(client: Client, world: World) -> None:
    world.own_action.title = "<script>alert(1)</script>"
    world.own_action.save()
    client.force_login(world.admin)
    html = client.get(page_url(world, "action")).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
