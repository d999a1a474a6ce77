"""The header menu's addresses, reversed once per process (web/navigation.py `_href`), are
the addresses reverse() gives: for each role, for each partnership's own pages, under
another script prefix, and with the approvals count of the moment."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory
from django.urls import get_script_prefix, reverse, set_script_prefix

from tests.delivery_world import World
from tests.factories import MembershipFactory, PartnershipFactory, UpdateFactory
from wellboard.accounts.models import Membership
from wellboard.accounts.permissions import partnerships_where
from wellboard.strategy.approvals import pending_count
from wellboard.strategy.models import UpdateReview
from wellboard.web.navigation import NavItem, navigation

pytestmark = pytest.mark.django_db


def reversed_items(user: Any) -> list[NavItem]:
    """The menu as web/navigation.py drew it before: a reverse() per address per request."""
    home = partnerships_where(user, "partnership.view")
    partnership = home[0] if home else None
    items = [
        NavItem("Strategies", reverse("strategy:strategies"), "strategy.view"),
        NavItem("Actions", reverse("strategy:actions"), "action.view"),
        NavItem("My actions", reverse("strategy:my_actions"), "my_actions.view"),
        NavItem("Indicators", reverse("indicators:list"), "indicator.view"),
        NavItem("Reports", reverse("reports:strategies"), "report.view"),
    ]
    if partnership is not None:
        items.append(NavItem("Partnership", reverse("partnerships:overview", args=[partnership])))
    approvals = pending_count(user)
    text = f"Approvals ({approvals})" if approvals else "Approvals"
    items.append(NavItem(text, reverse("approvals:queue"), "update.review"))
    items.append(NavItem("Update rounds", reverse("rounds:index"), "round.view"))
    items.append(NavItem("Imports", reverse("imports:upload"), "import.run"))
    items.append(NavItem("Consultations", reverse("consultations:index"), "consultation.manage"))
    if partnership is not None:
        items.append(
            NavItem(
                "Members", reverse("partnerships:members", args=[partnership]), "members.manage"
            )
        )
        items.append(
            NavItem(
                "Settings",
                reverse("partnerships:settings", args=[partnership]),
                "partnership.manage",
            )
        )
    if not user.is_authenticated or not partnerships_where(user, "partnership.view"):
        return []
    return [i for i in items if i.rule is None or partnerships_where(user, i.rule)]


def as_drawn(user: Any, path: str) -> list[dict[str, Any]]:
    """navigation()'s items as the old code drew them for `path`."""
    items = reversed_items(user)
    current = max((i.href for i in items if path.startswith(i.href)), key=len, default=None)
    return [
        {"href": i.href, "text": i.text, "current": i.href == path, "active": i.href == current}
        for i in items
    ]


def menu(user: Any, path: str) -> list[dict[str, Any]]:
    request = RequestFactory().get(path)
    request.user = user
    return navigation(request)


@pytest.mark.parametrize("who", ["admin", "lead", "board", "stranger"])
@pytest.mark.parametrize("path", ["/", "/actions/", "/my/actions/", "/approvals/"])
def test_each_roles_menu_is_the_menu_reverse_gives(world: World, who: str, path: str) -> None:
    user = getattr(world, who)
    assert menu(user, path) == as_drawn(user, path)
    assert menu(user, path) != []


def test_each_partnerships_administrator_gets_their_own_partnerships_addresses(
    world: World,
) -> None:
    """Asked one after the other in one process: a cache keyed too coarsely (by the URL name
    alone) would give the second administrator the first one's partnership pages."""
    own = {i["text"]: i["href"] for i in menu(world.admin, "/")}
    foreign = {i["text"]: i["href"] for i in menu(world.stranger, "/")}
    for text in ("Partnership", "Members", "Settings"):
        assert own[text] != foreign[text]
    assert str(world.strategy.partnership_id) in own["Members"]
    assert menu(world.stranger, "/") == as_drawn(world.stranger, "/")


def test_a_new_partnership_gets_its_addresses_once_it_exists(world: World) -> None:
    newcomer = PartnershipFactory()
    MembershipFactory(user=world.board, partnership=newcomer, role=Membership.Role.ADMINISTRATOR)
    world.board.__dict__.pop("_wellboard_memberships", None)
    assert menu(world.board, "/") == as_drawn(world.board, "/")


def test_addresses_follow_the_script_prefix_the_site_is_served_under(world: World) -> None:
    menu(world.admin, "/")  # the addresses under "/" are kept first
    before = get_script_prefix()
    set_script_prefix("/hwb/")
    try:
        items = menu(world.admin, "/hwb/actions/")
        assert items == as_drawn(world.admin, "/hwb/actions/")
        assert all(i["href"].startswith("/hwb/") for i in items)
    finally:
        set_script_prefix(before)
    assert all(not i["href"].startswith("/hwb/") for i in menu(world.admin, "/"))


def test_the_approvals_count_is_the_count_of_the_moment(world: World) -> None:
    first = {i["text"] for i in menu(world.admin, "/")}
    assert "Approvals" in first
    UpdateReview.objects.create(update=UpdateFactory(action=world.own_action, author_name="Ada"))
    then = {i["text"] for i in menu(world.admin, "/")}
    assert "Approvals (1)" in then
    assert menu(world.admin, "/") == as_drawn(world.admin, "/")
