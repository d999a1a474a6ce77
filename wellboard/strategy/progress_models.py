"""Milestones and progress updates: the dated record of delivery on an action."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from wellboard.base.limits import limited_text
from wellboard.base.links import LinkField
from wellboard.base.models import TimestampedModel
from wellboard.strategy.choices import Rag
from wellboard.strategy.querysets import ACTION_PATH, PlanPartQuerySet


class Milestone(TimestampedModel):
    strategy_path: ClassVar[str] = f"action__{ACTION_PATH}"
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"

    action = models.ForeignKey(
        "strategy.Action", on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(max_length=500)
    due_text = models.CharField(max_length=200, blank=True)
    due_end = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class ProgressUpdateQuerySet(PlanPartQuerySet["ProgressUpdate"]):
    def counted(self) -> ProgressUpdateQuerySet:
        """Updates that count in roll-ups and reports: unreviewed or approved ones, less
        those corrected by a later update that counts itself."""
        counts = models.Q(review__isnull=True) | models.Q(review__decision="approved")
        corrections = ProgressUpdate.objects.filter(counts, supersedes=models.OuterRef("pk"))
        return self.filter(counts).exclude(models.Exists(corrections))


class ProgressUpdate(models.Model):
    """A dated progress note on an action. Append-only: a correction is a new update."""

    strategy_path: ClassVar[str] = f"action__{ACTION_PATH}"
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"

    # PROTECT: deleting an action (or anything above it) never takes its updates along.
    action = models.ForeignKey("strategy.Action", on_delete=models.PROTECT, related_name="updates")
    date = models.DateField(null=True, blank=True, help_text="Blank for an undated imported note.")
    date_text = models.CharField(max_length=100, blank=True)
    text = limited_text(blank=True)
    rag = models.CharField(max_length=20, choices=Rag.choices, blank=True)
    author_name = models.CharField(max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    percent_complete = models.PositiveSmallIntegerField(null=True, blank=True)
    evidence_url = LinkField(blank=True)
    # The calendar's suggestion at the time, kept so that an override stays visible.
    suggested_rag = models.CharField(max_length=20, choices=Rag.choices, blank=True)
    override_reason = limited_text(blank=True)
    supersedes = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="superseded_by"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.date or 'undated'}: {self.text[:60]}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValidationError("Progress updates are append-only: add a new update instead.")
        super().save(*args, **kwargs)

    def sort_key(self) -> tuple[dt.date, int]:
        return (self.date or dt.date.min, self.pk or 0)
