"""A user's memberships read by the statement compiled once per process
(accounts/membership_rows.py) are the queryset's, field for field, and never kept between
requests: a changed role, a deactivated or new membership counts on the next request."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.delivery_world import World
from tests.factories import MembershipFactory, PartnershipFactory, UserFactory
from wellboard.accounts.membership_rows import active_memberships
from wellboard.accounts.models import Membership

pytestmark = pytest.mark.django_db


def fields(memberships: list[Membership]) -> list[list[tuple[str, Any, type]]]:
    """Every column of each membership, with its Python type (a bool must stay a bool)."""
    return [
        [(f.attname, getattr(m, f.attname), type(getattr(m, f.attname))) for f in m._meta.fields]
        for m in memberships
    ]


def queried(user: Any) -> list[Membership]:
    return list(Membership.objects.filter(user=user, active=True))


def test_each_users_memberships_are_the_querysets_field_for_field(world: World) -> None:
    several = UserFactory()
    MembershipFactory(user=several, partnership=world.strategy.partnership)
    MembershipFactory(user=several, role=Membership.Role.LEAD_OFFICER)
    MembershipFactory(user=several, active=False)
    nobody = UserFactory()
    for user in (world.admin, world.lead, world.board, world.stranger, several, nobody):
        assert fields(active_memberships(user.pk)) == fields(queried(user))
    assert len(active_memberships(several.pk)) == 2
    assert active_memberships(nobody.pk) == []
    assert [m._state.adding for m in active_memberships(several.pk)] == [False, False]


def test_they_are_read_in_one_statement(world: World) -> None:
    active_memberships(world.admin.pk)
    with CaptureQueriesContext(connection) as captured:
        active_memberships(world.lead.pk)
    assert len(captured) == 1


def test_a_change_of_role_or_membership_counts_on_the_next_request(world: World) -> None:
    """The rows are read per request: kept between requests, the lead would keep the
    administrator's pages after losing the role, and the new partnership would stay hidden."""
    client = Client()
    client.force_login(world.lead)
    assert client.get("/approvals/").status_code == 403
    membership = Membership.objects.get(user=world.lead)
    membership.role = Membership.Role.ADMINISTRATOR
    membership.save()
    assert client.get("/approvals/").status_code == 200
    membership.role = Membership.Role.BOARD_MEMBER
    membership.save()
    assert client.get("/approvals/").status_code == 403
    foreign = f"/actions/{world.foreign_action.pk}/"
    assert client.get(foreign).status_code == 404
    MembershipFactory(
        user=world.lead, partnership=world.foreign_action.priority.theme.plan.strategy.partnership
    )
    assert client.get(foreign).status_code == 200
    membership.active = False
    membership.save()
    assert client.get(f"/actions/{world.own_action.pk}/").status_code == 404


def test_users_asking_one_after_the_other_each_get_their_own(world: World) -> None:
    other = PartnershipFactory()
    MembershipFactory(user=world.board, partnership=other, role=Membership.Role.ADMINISTRATOR)
    seen = {
        u.pk: {m.partnership_id for m in active_memberships(u.pk)}
        for u in (world.admin, world.board)
    }
    assert seen[world.admin.pk] == {world.strategy.partnership_id}
    assert seen[world.board.pk] == {world.strategy.partnership_id, other.pk}
