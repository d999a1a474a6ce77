"""The header's "Approvals (N)": one statement counts exactly the rows the approvals page
lists (pending reviews, undecided proposals, pending changes on live actions), only in
the partnerships where the user approves."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from tests.delivery_world import World
from tests.factories import ActionFactory, MembershipFactory, UpdateFactory
from wellboard.accounts.models import Membership
from wellboard.accounts.permissions import memberships
from wellboard.strategy.approvals import pending_count, pending_proposals, pending_reviews
from wellboard.strategy.models import (
    Action,
    ActionComment,
    ProposalDecision,
    ProposedChange,
    UpdateReview,
)

pytestmark = pytest.mark.django_db


def listed(user: Any) -> int:
    """What the approvals page lists for the user, counted row by row."""
    return (
        len(pending_reviews(user))
        + len(pending_proposals(user))
        + len(ProposedChange.objects.awaiting(user))
    )


def waiting_review(action: Action, decision: str = UpdateReview.Decision.PENDING) -> None:
    UpdateReview.objects.create(update=UpdateFactory(action=action), decision=decision)


def proposal(action: Action, decided: bool = False) -> None:
    comment = ActionComment.objects.create(
        action=action, kind=ActionComment.Kind.PROPOSAL, text="Move the date"
    )
    if decided:
        ProposalDecision.objects.create(proposal=comment, decision="accepted")


def change(action: Action, status: str = ProposedChange.Status.PENDING) -> None:
    ProposedChange.objects.create(
        action=action, changes={"due_text": {"before": "2026", "after": "2027"}}, status=status
    )


@pytest.fixture
def waiting(world: World) -> World:
    """Two of each kind waiting in the world's partnership, one decided of each, and one
    of each waiting elsewhere; a pending change on an archived action (not listed)."""
    for action in (world.own_action, world.other_action):
        waiting_review(action)
        proposal(action)
        change(action)
    waiting_review(world.own_action, UpdateReview.Decision.APPROVED)
    proposal(world.own_action, decided=True)
    change(world.own_action, ProposedChange.Status.ACCEPTED)
    archived: Any = ActionFactory(priority=world.own_action.priority)
    change(archived)
    Action.objects.filter(pk=archived.pk).update(archived_at=timezone.now())
    waiting_review(world.foreign_action)
    proposal(world.foreign_action)
    change(world.foreign_action)
    return world


def test_the_administrator_counts_what_the_approvals_page_lists(waiting: World) -> None:
    assert pending_count(waiting.admin) == listed(waiting.admin) == 6


def test_each_partnership_counts_its_own(waiting: World) -> None:
    assert pending_count(waiting.stranger) == listed(waiting.stranger) == 3


def test_an_approver_in_two_partnerships_counts_both(waiting: World) -> None:
    MembershipFactory(
        user=waiting.stranger,
        partnership=waiting.strategy.partnership,
        role=Membership.Role.ADMINISTRATOR,
    )
    assert pending_count(waiting.stranger) == listed(waiting.stranger) == 9


@pytest.mark.parametrize("who", ["lead", "board"])
def test_those_who_approve_nowhere_count_nothing(waiting: World, who: str) -> None:
    assert pending_count(getattr(waiting, who)) == listed(getattr(waiting, who)) == 0


def test_a_deactivated_approver_counts_nothing(waiting: World) -> None:
    Membership.objects.filter(user=waiting.admin).update(active=False)
    waiting.admin.refresh_from_db()
    assert pending_count(waiting.admin) == 0


def test_a_decision_is_counted_at_once(waiting: World, django_assert_num_queries: Any) -> None:
    memberships(waiting.admin)  # read once per request, before the header asks
    with django_assert_num_queries(1):
        assert pending_count(waiting.admin) == 6
    UpdateReview.objects.filter(decision=UpdateReview.Decision.PENDING).update(
        decision=UpdateReview.Decision.APPROVED
    )
    assert pending_count(waiting.admin) == listed(waiting.admin) == 4
