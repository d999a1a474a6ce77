"""The header's count of decisions waiting (strategy/approvals.pending_count): updates,
proposals and proposed changes in the approver's partnerships only, in one query, since
every page asks it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.delivery_world import World
from tests.factories import UpdateFactory
from wellboard.accounts.permissions import partnerships_where
from wellboard.strategy.approvals import pending_count
from wellboard.strategy.models import (
    Action,
    ActionComment,
    ProposedChange,
    UpdateReview,
)

pytestmark = pytest.mark.django_db


def waiting_on(action: Action, decided: bool = False) -> None:
    """One of each kind waiting on the action (or already decided)."""
    UpdateReview.objects.create(
        update=UpdateFactory(action=action),
        decision=UpdateReview.Decision.APPROVED if decided else UpdateReview.Decision.PENDING,
    )
    ActionComment.objects.create(action=action, kind=ActionComment.Kind.PROPOSAL, text="Move")
    ProposedChange.objects.create(
        action=action,
        changes={"due_text": {"before": "2026", "after": "2027"}},
        status=ProposedChange.Status.ACCEPTED if decided else ProposedChange.Status.PENDING,
    )


def test_counts_each_kind_in_the_approvers_partnership_in_one_query(world: World) -> None:
    waiting_on(world.own_action)
    waiting_on(world.other_action)
    waiting_on(world.foreign_action)
    ActionComment.objects.create(action=world.own_action, text="Only a comment")
    partnerships_where(world.admin, "update.review")  # memberships, read once per request
    with CaptureQueriesContext(connection) as captured:
        assert pending_count(world.admin) == 6
    assert len(captured) == 1
    assert pending_count(world.stranger) == 3


def test_decided_ones_and_other_roles_count_nothing(world: World) -> None:
    UpdateReview.objects.create(
        update=UpdateFactory(action=world.own_action), decision=UpdateReview.Decision.APPROVED
    )
    ProposedChange.objects.create(
        action=world.own_action, changes={}, status=ProposedChange.Status.REJECTED
    )
    assert pending_count(world.admin) == 0
    waiting_on(world.own_action)
    assert pending_count(world.lead) == pending_count(world.board) == 0
    assert pending_count(world.admin) == 3
