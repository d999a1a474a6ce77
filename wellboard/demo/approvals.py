"""What waits in the demo administrator's approvals queue besides lead1's due-date change
(demo/plan_changes.py): an update from lead2 held for approval, and a change lead2
proposes to an action someone else leads, to accept or reject.

The demo strategy does not hold every update for approval (its other updates count
straight away), so the review is opened here as the strategy would open it. Added once:
a second load finds lead2's update and proposal by their words.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils import timezone

from wellboard.strategy import services
from wellboard.strategy.models import (
    Action,
    ActionComment,
    ProgressUpdate,
    Rag,
    Strategy,
    UpdateReview,
)

UPDATE = (
    "Strength and balance classes now run in 14 venues and the falls response service took "
    "212 calls this quarter. The Wenmarsh hall has closed, so its class moves to the leisure "
    "centre in January; until then those residents are offered the Oakhythe class."
)
UPDATED = "3.1.1"  # one of lead2's actions in the demo (another of theirs if not)
PROPOSAL = (
    "Add Harrowfold South to the target areas: its screening uptake is now the lowest in "
    "the county, below the five wards named in the action."
)
PROPOSED_ON = "4.8"  # an action lead2 does not lead


def _lead2(strategy: Strategy) -> tuple[User, int] | None:
    user = User.objects.filter(username="lead2").first()
    membership = user.memberships.filter(partnership=strategy.partnership).first() if user else None
    if user is None or membership is None or membership.person_id is None:
        return None
    return user, membership.person_id


def add_awaiting_approval(strategy: Strategy) -> int:
    """lead2's held update and proposed change, those not already there; how many added."""
    found = _lead2(strategy)
    if found is None:
        return 0
    user, person_id = found
    actions = Action.objects.in_strategy(strategy).active()
    return _held_update(actions.filter(lead_officer_id=person_id), user) + _proposal(
        actions.exclude(lead_officer_id=person_id).filter(ref=PROPOSED_ON).first(), user
    )


def _held_update(own: QuerySet[Action], user: User) -> int:
    if ProgressUpdate.objects.filter(author=user, text=UPDATE).exists():
        return 0
    action = own.filter(ref=UPDATED).first() or own.order_by("id").first()
    if action is None:
        return 0
    update = services.add_update(
        action=action,
        author=user,
        date=timezone.localdate(),
        rag=Rag.AMBER,
        text=UPDATE,
        percent_complete=50,
    )
    UpdateReview.objects.get_or_create(update=update)
    return 1


def _proposal(action: Action | None, user: User) -> int:
    if action is None or ActionComment.objects.filter(author=user, text=PROPOSAL).exists():
        return 0
    services.add_comment(action=action, author=user, text=PROPOSAL, proposal=True)
    return 1
