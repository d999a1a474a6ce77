"""What the analysis keeps: the themes last found in a consultation's comments, and the
"you said, we did" table linking what people said to the changes in the next version."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils import timezone

from wellboard.base.limits import limited_text
from wellboard.base.models import TimestampedModel
from wellboard.base.versioning import VersionedModel
from wellboard.consultations.models.consultation import Consultation


class ThemeAnalysis(models.Model):
    """The themes of a consultation's comments as last computed. Grouping hundreds of
    comments with the sentence model takes seconds, too long for every page view, so they
    are kept with a fingerprint of the comments they came from: a new response makes them
    out of date (the page says so and offers to group again), never silently wrong."""

    partnership_path: ClassVar[str] = "consultation__strategy__partnership"

    consultation = models.OneToOneField(
        Consultation, on_delete=models.CASCADE, related_name="theme_analysis"
    )
    engine = models.CharField(max_length=10)
    fingerprint = models.CharField(max_length=64)
    comments = models.PositiveIntegerField(default=0)
    # core.consultation.Themes.as_dict(): {"engine", "comments", "themes": [...]}
    result: models.JSONField[Any, Any] = models.JSONField(default=dict)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "theme analyses"

    def __str__(self) -> str:
        return f"Themes of {self.consultation}"


class YouSaidWeDid(VersionedModel, TimestampedModel):
    """One row of the table boards publish after a consultation: what respondents said (a
    theme, in the board's words), what the board did about it, and where that shows in the
    next version of the strategy (a part of its text, compared with the consulted one)."""

    partnership_path: ClassVar[str] = "consultation__strategy__partnership"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="you_said_we_did"
    )
    position = models.PositiveIntegerField(default=0)
    theme = models.CharField(
        max_length=300, blank=True, help_text="The theme of the comments, if one fits."
    )
    you_said = limited_text(2000, help_text="What respondents told you, in a sentence or two.")
    we_did = limited_text(2000, help_text="What changed, or why it did not.")
    strategy_version = models.ForeignKey(
        "strategy.StrategyVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The version of the strategy that carries the change.",
    )
    # A key of core.text_compare.sections(): the part of the text that changed.
    section = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "you said, we did row"

    def __str__(self) -> str:
        return self.you_said[:80]
