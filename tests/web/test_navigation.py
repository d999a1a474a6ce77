"""The header navigation shows each role what its rules allow, and every item opens."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.delivery_world import World
from tests.factories import UpdateFactory, UserFactory
from wellboard.strategy.models import Strategy, UpdateReview

pytestmark = pytest.mark.django_db

NAV_LINK = re.compile(
    r'class="nhsuk-header__navigation-link" href="([^"]+)"[^>]*>\s*(?:<strong[^>]*>)?([^<]+)'
)
CRUMB = re.compile(r'class="nhsuk-breadcrumb__link" href="([^"]+)"')


def menu(client: Client, path: str = "/") -> dict[str, str]:
    """The header's items on a page: text -> href."""
    html = client.get(path).content.decode()
    return {text.strip(): href for href, text in NAV_LINK.findall(html)}


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


EVERYONE = {"Strategies", "Actions", "Indicators", "Reports", "Partnership"}
ADMINISTRATOR_ONLY = {
    "Approvals",
    "Update rounds",
    "Imports",
    "Consultations",
    "Members",
    "Settings",
}


def test_the_administrator_sees_everything(world: World) -> None:
    items = menu(signed_in(world.admin))
    assert set(items) == EVERYONE | {"My actions"} | ADMINISTRATOR_ONLY


def test_a_lead_officer_sees_their_actions_but_no_administration(world: World) -> None:
    assert set(menu(signed_in(world.lead))) == EVERYONE | {"My actions"}


def test_a_board_member_reads_but_leads_nothing(world: World) -> None:
    assert set(menu(signed_in(world.board))) == EVERYONE


def test_visitors_and_users_of_no_partnership_get_no_menu(client: Client, world: World) -> None:
    html = client.get("/").content.decode()
    assert NAV_LINK.findall(html) == []
    assert reverse("accounts:login") in html
    nobody = UserFactory(username="nobody")
    assert menu(signed_in(nobody)) == {}


@pytest.mark.parametrize("who", ["admin", "lead", "board"])
def test_every_item_opens_for_whoever_sees_it(world: World, who: str) -> None:
    client = signed_in(getattr(world, who))
    for text, href in menu(client).items():
        assert client.get(href).status_code == 200, text


@pytest.mark.parametrize("who", ["lead", "board"])
def test_administrator_pages_hidden_from_the_menu_are_refused(world: World, who: str) -> None:
    client = signed_in(getattr(world, who))
    partnership = world.strategy.partnership_id
    for path in (
        reverse("approvals:queue"),
        reverse("imports:upload"),
        reverse("partnerships:members", args=[partnership]),
        reverse("partnerships:settings", args=[partnership]),
    ):
        assert client.get(path).status_code == 403, path


def test_my_actions_is_refused_to_board_members(world: World) -> None:
    assert signed_in(world.board).get(reverse("strategy:my_actions")).status_code == 403


def test_the_partnership_item_leads_to_the_users_own_partnership(world: World) -> None:
    href = menu(signed_in(world.stranger))["Partnership"]
    other = Strategy.objects.get(title="Elsewhere strategy").partnership_id
    assert href == reverse("partnerships:overview", args=[other])


def test_the_approvals_item_counts_what_waits(world: World) -> None:
    client = signed_in(world.admin)
    assert "Approvals" in menu(client)
    for _ in range(2):
        UpdateReview.objects.create(update=UpdateFactory(action=world.own_action))
    assert "Approvals (2)" in menu(client)
    foreign = UpdateFactory(action=world.foreign_action)
    UpdateReview.objects.create(update=foreign)
    assert "Approvals (2)" in menu(client), "another partnership's updates are not counted"
    assert "Approvals (1)" in menu(signed_in(world.stranger))


def test_the_current_section_is_marked(world: World) -> None:
    html = signed_in(world.admin).get(reverse("strategy:actions")).content.decode()
    current = re.search(r'href="([^"]+)"[^>]*aria-current="page"', html)
    assert current is not None and current.group(1) == reverse("strategy:actions")


def test_the_strategies_item_no_longer_points_home(world: World) -> None:
    assert menu(signed_in(world.board))["Strategies"] == reverse("strategy:strategies")


def test_breadcrumbs_lead_back_up_the_plan(world: World) -> None:
    action = world.own_action
    html = signed_in(world.board).get(action.get_absolute_url()).content.decode()
    assert CRUMB.findall(html) == [
        "/",
        world.strategy.get_absolute_url(),
        action.priority.theme.get_absolute_url(),
        action.priority.get_absolute_url(),
    ]


def test_every_page_but_home_has_breadcrumbs(world: World) -> None:
    client = signed_in(world.admin)
    assert CRUMB.findall(client.get("/").content.decode()) == []
    for path in (
        reverse("strategy:actions"),
        reverse("indicators:list"),
        reverse("approvals:queue"),
        reverse("partnerships:glossary", args=[world.strategy.partnership_id]),
    ):
        assert CRUMB.findall(client.get(path).content.decode())[:1] == ["/"], path


def test_the_django_admin_link_is_for_superusers_only(world: World) -> None:
    admin_url = reverse("admin:index")
    assert admin_url not in signed_in(world.admin).get("/").content.decode()
    root = User.objects.create_superuser("root", "root@example.org", "x")
    assert admin_url in signed_in(root).get("/").content.decode()
