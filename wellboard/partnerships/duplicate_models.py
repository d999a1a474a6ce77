"""What officers decided about suspected duplicate actions, so they are not asked twice."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from wellboard.base.limits import limited_text
from wellboard.base.models import TimestampedModel
from wellboard.core.limits import TITLE_TEXT


class IntendedPair(TimestampedModel):
    """Two similar actions an officer has confirmed are meant to be separate."""

    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="intended_pairs"
    )
    # Stored lowest id first, so a pair has one spelling and the constraint can hold.
    first = models.ForeignKey("strategy.Action", on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey("strategy.Action", on_delete=models.CASCADE, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = limited_text(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="unique_intended_pair"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="intended_pair_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"Actions {self.first_id} and {self.second_id} are intended"


class ActionMerge(TimestampedModel):
    """A record of one action merged into another: what was removed and what moved."""

    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="action_merges"
    )
    kept = models.ForeignKey(
        "strategy.Action", null=True, on_delete=models.SET_NULL, related_name="merges"
    )
    kept_ref = models.CharField(max_length=30, blank=True)
    kept_title = limited_text(TITLE_TEXT)
    removed_id = models.PositiveBigIntegerField()
    removed_ref = models.CharField(max_length=30, blank=True)
    removed_title = limited_text(TITLE_TEXT)
    similarity = models.FloatField(null=True, blank=True)
    moved = models.JSONField(default=dict, help_text="How many of each kind of record moved.")
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.removed_ref or self.removed_id} merged into {self.kept_ref or self.kept_id}"
