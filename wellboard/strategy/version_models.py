"""Versions of a strategy's text: what the public was consulted on, what the board approved.

A version is a frozen copy of the words (title, summary, vision, each theme and priority
with its description) as JSON, numbered 1, 2, 3... per strategy. Versions are kept at each
lifecycle step and whenever an administrator saves one; they are never edited or deleted,
so a consultation can point at the exact text people read (wellboard.strategy.versions).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models

from wellboard.strategy.querysets import PLAN_PATH, PlanPartQuerySet


class StrategyVersion(models.Model):
    """One numbered copy of the strategy's text; `strategy.versions.latest()` is the newest."""

    strategy_path: ClassVar[str] = PLAN_PATH
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"

    strategy = models.ForeignKey(
        "strategy.Strategy", on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    label = models.CharField(max_length=200, blank=True)
    # {"title", "summary", "vision", "themes": [{"ref", "title", "description",
    #  "priorities": [{"ref", "title", "description"}]}]}: see versions.strategy_text().
    text: models.JSONField[Any, Any] = models.JSONField(default=dict)
    # The lifecycle step that kept this version, when one did.
    decision = models.ForeignKey(
        "strategy.ApprovalDecision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="versions",
    )

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="strategy_version_number")
        ]

    def __str__(self) -> str:
        return f"Version {self.number}" + (f": {self.label}" if self.label else "")
