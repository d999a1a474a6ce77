from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tests.delivery_world import World
from wellboard.accounts.permissions import (
    Decision,
    can,
    decide,
    get_for_user,
    partnerships_where,
    scoped,
)
from wellboard.strategy.models import Action, Strategy

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "perm", "own", "allowed"),
    [
        ("admin", "action.update", False, True),
        ("admin", "action.edit", False, True),
        ("lead", "action.update", True, True),
        ("lead", "action.update", False, False),
        ("lead", "action.edit", False, False),
        ("lead", "action.propose", False, True),
        ("lead", "action.propose", True, False),
        ("board", "action.update", True, False),
        ("board", "action.edit", True, False),
        ("board", "action.comment", True, True),
        ("board", "action.view", False, True),
        ("stranger", "action.view", True, False),
        ("stranger", "action.comment", True, False),
    ],
)
def test_role_rules(world: World, who: str, perm: str, own: bool, allowed: bool) -> None:
    action = world.own_action if own else world.other_action
    assert can(getattr(world, who), perm, action) is allowed


def test_only_administrators_manage_and_review(world: World) -> None:
    assert can(world.admin, "strategy.manage", world.strategy)
    assert can(world.admin, "update.review", world.strategy)
    for user in (world.lead, world.board, world.stranger):
        assert not can(user, "strategy.manage", world.strategy)
        assert not can(user, "update.review", world.strategy)


def test_anonymous_users_can_do_nothing_inside(world: World) -> None:
    assert not can(AnonymousUser(), "action.view", world.own_action)
    assert decide(AnonymousUser(), "action.view", world.own_action) is Decision.HIDDEN
    assert partnerships_where(AnonymousUser(), "strategy.view") == []


def test_unknown_permission_is_an_error_not_a_yes(world: World) -> None:
    with pytest.raises(KeyError):
        can(world.admin, "action.delete_everything", world.own_action)


def test_another_partnerships_object_is_not_found(world: World) -> None:
    with pytest.raises(Http404):
        get_for_user(Action, world.foreign_action.pk, world.admin, "action.view")


def test_visible_but_forbidden_is_refused(world: World) -> None:
    with pytest.raises(PermissionDenied):
        get_for_user(Action, world.own_action.pk, world.board, "action.update")
    found = get_for_user(Action, world.own_action.pk, world.lead, "action.update")
    assert found.pk == world.own_action.pk


def test_scoped_strategies_stay_inside_the_partnership(world: World) -> None:
    assert list(scoped(Strategy, world.board)) == [world.strategy]
    assert world.strategy not in list(scoped(Strategy, world.stranger))
    assert list(scoped(Strategy, AnonymousUser())) == []


def test_public_sees_published_strategies_only(world: World) -> None:
    published = set(Strategy.objects.published())
    assert world.strategy in published
    assert not published & set(Strategy.objects.filter(published=False))
    foreign = world.foreign_action.priority.theme.plan.strategy
    assert can(AnonymousUser(), "strategy.public", world.strategy)
    assert decide(AnonymousUser(), "strategy.public", foreign) is Decision.HIDDEN
    # A member-only rule stays closed to the public even on a published strategy.
    assert decide(world.stranger, "strategy.view", world.strategy) is Decision.HIDDEN
