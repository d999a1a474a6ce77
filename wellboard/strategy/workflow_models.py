"""Records about progress updates and actions that sit beside them, never inside them.

A review is separate from its update so that updates stay append-only: approving or
returning an update changes the review, never the words the lead officer wrote.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from wellboard.base.models import TimestampedModel
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
        "strategy.ProgressUpdate", on_delete=models.CASCADE, related_name="review"
    )
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PENDING)
    reason = models.TextField(blank=True)
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

    action = models.ForeignKey("strategy.Action", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COMMENT)
    text = models.TextField()
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
        ActionComment, on_delete=models.CASCADE, related_name="decision"
    )
    decision = models.CharField(max_length=20, choices=Decision.choices)
    reason = models.TextField(blank=True)
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
