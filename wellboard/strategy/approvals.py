"""What waits for an approver: updates held for review, and lead officers' proposed changes,
in the partnerships they approve in.

One query answers the header's count on every page; the approvals page lists the same rows
with what the approver needs to decide (the action, its lead, the words and the status).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from wellboard.accounts.permissions import partnerships_where
from wellboard.strategy.models import ActionComment, ProposedChange, UpdateReview

REVIEW_RULE = "update.review"


def pending_reviews(user: Any) -> QuerySet[UpdateReview]:
    """Reviews still to decide, oldest update first, in partnerships where the user approves."""
    partnership_ids = partnerships_where(user, REVIEW_RULE)
    return (
        UpdateReview.objects.in_partnerships(partnership_ids)
        .filter(decision=UpdateReview.Decision.PENDING)
        .select_related(
            "update__action__lead_officer",
            "update__action__priority__theme__plan__strategy",
        )
        .order_by("update__created_at", "pk")
    )


def pending_proposals(user: Any) -> QuerySet[ActionComment]:
    """Lead officers' proposed changes not yet accepted or rejected, oldest first."""
    partnership_ids = partnerships_where(user, REVIEW_RULE)
    return (
        ActionComment.objects.in_partnerships(partnership_ids)
        .filter(kind=ActionComment.Kind.PROPOSAL, decision__isnull=True)
        .select_related("author", "action__lead_officer", "action__priority__theme__plan__strategy")
        .order_by("created_at", "pk")
    )


def pending_count(user: Any) -> int:
    """How many decisions wait for the user (0 for anyone who approves nowhere)."""
    if not user.is_authenticated or not partnerships_where(user, REVIEW_RULE):
        return 0
    waiting: list[QuerySet[Any]] = [
        pending_reviews(user),
        pending_proposals(user),
        ProposedChange.objects.awaiting(user),
    ]
    ids = [found.order_by().values_list("pk") for found in waiting]
    return ids[0].union(*ids[1:], all=True).count()  # one query: the header asks on every page
