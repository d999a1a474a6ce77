"""The action list's drop-down options (strategy/list_filters.py, statements compiled once
per number of partnerships): what the querysets through `scoped` give, for a member of
one partnership, of two and of none; never another partnership's; one query each."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.delivery_world import World
from tests.factories import (
    BoardFactory,
    MembershipFactory,
    OrganisationFactory,
    StrategyFactory,
    ThemeFactory,
    UserFactory,
)
from wellboard.accounts.models import Membership
from wellboard.strategy import list_filters
from wellboard.strategy.list_filters import _querysets, filter_options
from wellboard.strategy.models import Theme

pytestmark = pytest.mark.django_db


def by_querysets(user: Any) -> list[list[tuple[int, str]]]:
    """The options as the querysets give them, compiled for this user's own ids."""
    return [[label(*row) for row in queryset] for queryset, label in _querysets(user)]


def fresh(user: Any) -> Any:
    """The user without the memberships kept on it by an earlier call."""
    user.__dict__.pop("_wellboard_memberships", None)
    return user


def test_each_member_gets_their_own_partnerships_options(world: World) -> None:
    partnership = world.strategy.partnership
    BoardFactory(partnership=partnership, name="Children's Board", short_name="CB")
    OrganisationFactory(partnership=partnership, name="Acme Trust", acronym="AT")
    OrganisationFactory(partnership=partnership, name="Same", acronym="Same")
    ThemeFactory(plan=world.strategy.main_plan, title="Live <well>")
    foreign = world.foreign_action.priority.theme
    Theme.objects.filter(pk=foreign.pk).update(title="Foreign theme")
    for user in (world.admin, world.lead, world.stranger):
        options = filter_options(fresh(user))
        assert options == by_querysets(fresh(user))
    own = filter_options(fresh(world.admin))
    assert all(label != "Foreign theme" for _, label in own[1])
    assert "Live <well>" in [label for _, label in own[1]]
    assert (own[2][-1][1], own[3][0][1]) == ("CB", "Acme Trust (AT)")
    assert "Same" in [label for _, label in own[3]]
    assert [label for _, label in filter_options(fresh(world.stranger))[1]] == ["Foreign theme"]


def test_a_member_of_two_partnerships_gets_both_and_nobody_else_any(world: World) -> None:
    both = UserFactory()
    MembershipFactory(user=both, partnership=world.strategy.partnership)
    MembershipFactory(
        user=both,
        partnership=world.foreign_action.priority.theme.plan.strategy.partnership,
        role=Membership.Role.BOARD_MEMBER,
    )
    StrategyFactory(title="Third partnership's")
    options = filter_options(fresh(both))
    assert options == by_querysets(fresh(both))
    assert {label for _, label in options[0]} == {world.strategy.title, "Elsewhere strategy"}
    assert filter_options(UserFactory()) == [[], [], [], [], []]


def test_one_query_each_and_the_statements_compiled_once(world: World) -> None:
    list_filters._STATEMENTS.clear()
    filter_options(fresh(world.admin))
    kept = dict(list_filters._STATEMENTS)
    with CaptureQueriesContext(connection) as captured:
        filter_options(world.admin)
    assert len(captured) == 5
    assert kept == list_filters._STATEMENTS and len(kept) == 1
    theme = Theme.objects.filter(plan__strategy=world.strategy).first()
    assert theme is not None
    theme.title = "Renamed"
    theme.save()
    assert "Renamed" in [label for _, label in filter_options(world.admin)[1]]
