"""A lead officer's change to a due date or outcome measures waits for approval when the
strategy requires approval of updates (issue #11, item 3)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from tests.factories import (
    ActionFactory,
    MembershipFactory,
    PersonFactory,
    PlanFactory,
    PriorityFactory,
    StrategyFactory,
    ThemeFactory,
    UserFactory,
)
from wellboard.accounts.models import Membership
from wellboard.strategy import proposals
from wellboard.strategy.models import ProposedChange

pytestmark = pytest.mark.django_db


def _setup(requires_approval: bool = True) -> tuple[Any, Any, Any]:
    strategy: Any = StrategyFactory(requires_approval=requires_approval)
    partnership = strategy.partnership
    person = PersonFactory(partnership=partnership)
    priority = PriorityFactory(theme=ThemeFactory(plan=PlanFactory(strategy=strategy)))
    action: Any = ActionFactory(priority=priority, lead_officer=person, outcome_measures="Old")
    action.set_due("March 2027")
    action.save()
    lead: Any = UserFactory()
    MembershipFactory(
        user=lead, partnership=partnership, role=Membership.Role.LEAD_OFFICER, person=person
    )
    admin: Any = UserFactory()
    MembershipFactory(user=admin, partnership=partnership, role=Membership.Role.ADMINISTRATOR)
    return action, lead, admin


def test_a_leads_change_to_signed_off_fields_waits() -> None:
    action, lead, admin = _setup()
    now, waiting = proposals.split_values(
        action, lead, {"title": "New title", "due_text": "June 2027", "outcome_measures": "Old"}
    )
    assert now == {"title": "New title", "outcome_measures": "Old"}
    assert waiting == {"due_text": {"before": "March 2027", "after": "June 2027"}}
    change = proposals.propose(action=action, user=lead, changes=waiting)
    assert list(ProposedChange.objects.awaiting(admin)) == [change]
    assert list(ProposedChange.objects.awaiting(lead)) == []
    assert change.lines() == [("Due", "March 2027", "June 2027")]


def test_administrators_and_strategies_without_approval_change_at_once() -> None:
    action, lead, admin = _setup()
    values = {"due_text": "June 2027"}
    assert proposals.split_values(action, admin, values) == (values, {})
    action, lead, admin = _setup(requires_approval=False)
    assert proposals.split_values(action, lead, values) == (values, {})


def test_accepting_applies_the_change_as_a_versioned_edit() -> None:
    action, lead, admin = _setup()
    change = proposals.propose(
        action=action,
        user=lead,
        changes={"due_text": {"before": "March 2027", "after": "Q2 2027/28"}},
    )
    version = action.version
    proposals.decide(change=change, reviewer=admin, accept=True)
    action.refresh_from_db()
    assert action.due_text == "Q2 2027/28" and action.due_end is not None
    assert action.version == version + 1
    assert change.status == ProposedChange.Status.ACCEPTED and change.decided_by == admin
    assert not ProposedChange.objects.awaiting(admin).exists()
    with pytest.raises(ValidationError, match="already been decided"):
        proposals.decide(change=change, reviewer=admin, accept=True)


def test_rejecting_needs_a_reason_and_changes_nothing() -> None:
    action, lead, admin = _setup()
    change = proposals.propose(
        action=action, user=lead, changes={"outcome_measures": {"before": "Old", "after": "New"}}
    )
    with pytest.raises(ValidationError):
        proposals.decide(change=change, reviewer=admin, accept=False)
    proposals.decide(change=change, reviewer=admin, accept=False, reason="Not agreed")
    action.refresh_from_db()
    assert action.outcome_measures == "Old"
    assert change.status == ProposedChange.Status.REJECTED


def test_an_old_proposal_never_overwrites_a_newer_edit() -> None:
    action, lead, admin = _setup()
    change = proposals.propose(
        action=action, user=lead, changes={"outcome_measures": {"before": "Old", "after": "New"}}
    )
    action.outcome_measures = "Edited meanwhile"
    action.save()
    with pytest.raises(ValidationError, match="changed since"):
        proposals.decide(change=change, reviewer=admin, accept=True)
    action.refresh_from_db()
    assert action.outcome_measures == "Edited meanwhile"
    assert ProposedChange.objects.get().status == ProposedChange.Status.PENDING
