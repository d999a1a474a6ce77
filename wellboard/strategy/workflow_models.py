"""Records about progress updates and actions that sit beside them, never inside them.

A review is separate from its update so that updates stay append-only: approving or
returning an update changes the review, never the words the lead officer wrote.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from wellboard.base.limits import limited_text
from wellboard.base.models import TimestampedModel
from wellboard.core.limits import COMMENT_TEXT
from wellboard.strategy.querysets import ACTION_PATH, PlanPartQuerySet


class UpdateReview(TimestampedModel):
    """An administrator's decision on an update, for strategies that require approval."""

    strategy_path: ClassVar[str] = f"update__action__{ACTION_PATH}"
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"

    class Decision(models.TextChoices):
        PENDING = "pending", "Awaiting approval"
        APPROVED = "approved", "Approved"
        RETURNED = "returned", "Returned"

    update = models.OneToOneField(
        "strategy.ProgressUpdate", on_delete=models.PROTECT, related_name="review"
    )
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PENDING)
    reason = limited_text(blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.update}"

    def clean(self) -> None:
        if self.decision == self.Decision.RETURNED and not self.reason.strip():
            raise ValidationError({"reason": "Say why the update is returned."})


class ActionComment(models.Model):
    """A board member's comment, or a lead officer's proposed change to someone else's action."""

    strategy_path: ClassVar[str] = f"action__{ACTION_PATH}"
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"

    class Kind(models.TextChoices):
        COMMENT = "comment", "Comment"
        PROPOSAL = "proposal", "Proposed change"

    # PROTECT: deleting an action never takes its comments along (issue #12).
    action = models.ForeignKey("strategy.Action", on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COMMENT)
    text = limited_text(COMMENT_TEXT)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.action}: {self.text[:60]}"


class ProposalDecision(TimestampedModel):
    """An administrator's answer to a lead officer's proposed change, kept beside the
    proposal so that the proposal itself, like every comment, is never rewritten."""

    strategy_path: ClassVar[str] = f"proposal__action__{ACTION_PATH}"
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    proposal = models.OneToOneField(
        ActionComment, on_delete=models.PROTECT, related_name="decision"
    )
    decision = models.CharField(max_length=20, choices=Decision.choices)
    reason = limited_text(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.proposal}"

    def clean(self) -> None:
        if self.decision == self.Decision.REJECTED and not self.reason.strip():
            raise ValidationError({"reason": "Say why the proposed change is rejected."})


class ProposedChangeQuerySet(PlanPartQuerySet["ProposedChange"]):
    def pending(self) -> ProposedChangeQuerySet:
        return self.filter(status=ProposedChange.Status.PENDING)

    def awaiting(self, user: Any) -> ProposedChangeQuerySet:
        """Pending changes the user may accept or reject (the approvals queue), oldest
        first, with the action and its strategy fetched along."""
        from wellboard.accounts.permissions import partnerships_where

        return (
            self.awaiting_in(partnerships_where(user, "change.review"))
            .select_related("action", "proposed_by")
            .with_strategy()
            .order_by("created_at", "id")
        )

    def awaiting_in(self, partnership_ids: list[int]) -> ProposedChangeQuerySet:
        """Pending changes in these partnerships (what `awaiting` lists, for its count)."""
        return self.pending().active().in_partnerships(partnership_ids)


class ProposedChange(TimestampedModel):
    """A lead officer's change to their own action that waits for approval, because the
    strategy requires approval and the field (due date, outcome measures) is one the
    board signs off. Accepting applies it as a versioned edit; either way it is kept."""

    strategy_path: ClassVar[str] = f"action__{ACTION_PATH}"
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"

    # The fields whose change by a lead officer waits for approval.
    FIELDS: ClassVar[dict[str, str]] = {"due_text": "Due", "outcome_measures": "Outcome measures"}

    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting approval"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    action = models.ForeignKey(
        "strategy.Action", on_delete=models.PROTECT, related_name="proposed_changes"
    )
    # {"due_text": {"before": "March 2027", "after": "June 2027"}}
    changes = models.JSONField(default=dict)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    reason = limited_text(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = ProposedChangeQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Proposed change to {self.action}"

    def lines(self) -> list[tuple[str, str, str]]:
        """(field label, before, after) for each proposed field, for the approvals page."""
        return [
            (self.FIELDS.get(name, name), str(value["before"]), str(value["after"]))
            for name, value in self.changes.items()
        ]
