"""What the board asks: a consultation on a strategy, its questions and its events."""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wellboard.base.limits import limited_text
from wellboard.base.models import TimestampedModel
from wellboard.base.scoping import PartnershipQuerySet
from wellboard.base.versioning import VersionedModel
from wellboard.strategy.models import Priority, Strategy
from wellboard.strategy.version_models import StrategyVersion

# Boards consult for about twelve weeks; the Cabinet Office principles suggest no fixed
# length, and the boards' own papers say 90 days.
DEFAULT_LENGTH = timedelta(days=90)


def default_closes(opens: date) -> date:
    return opens + DEFAULT_LENGTH


class Consultation(VersionedModel, TimestampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", "Being prepared"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    strategy_path: ClassVar[str] = "strategy"
    partnership_path: ClassVar[str] = "strategy__partnership"
    # Once opened (and after it closes) the public may read it, whether or not the
    # strategy itself is published: a draft strategy is exactly what is consulted on.
    public_path: ClassVar[str] = "is_public"

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="consultations")
    # The exact words consulted on, kept when the consultation is made (versions are never
    # edited or deleted); the draft's paragraphs and their comments refer to it.
    strategy_version = models.ForeignKey(
        StrategyVersion,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    title = models.CharField(max_length=300)
    summary = limited_text(
        4000,
        blank=True,
        help_text="What the consultation is about, shown at the top of its public page.",
    )
    opens = models.DateField(default=timezone.localdate)
    closes = models.DateField(blank=True, help_text="90 days after it opens unless you say.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    privacy_contact = models.CharField(
        max_length=300,
        blank=True,
        help_text="Where people ask about or ask to remove their data (an email address).",
    )

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["-opens", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/consultations/{self.pk}/"

    def clean(self) -> None:
        if self.closes and self.opens and self.closes < self.opens:
            raise ValidationError({"closes": "A consultation cannot close before it opens."})

    def save(self, *args: object, **kwargs: object) -> None:
        if self.closes is None:
            self.closes = default_closes(self.opens)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT

    def is_open_on(self, day: date) -> bool:
        """Responses are taken while it is open and the day is within its dates."""
        return self.status == self.Status.OPEN and self.opens <= day <= self.closes

    @property
    def accepting_responses(self) -> bool:
        return self.is_open_on(timezone.localdate())

    @property
    def phase(self) -> str:
        """Where it stands today, in the words its pages use."""
        today, fmt = timezone.localdate(), "%-d %B %Y"
        if self.status == self.Status.DRAFT:
            return "being prepared"
        if self.status == self.Status.OPEN and today < self.opens:
            return f"opens on {self.opens.strftime(fmt)}"
        if self.is_open_on(today):
            return f"open until {self.closes.strftime(fmt)}"
        return f"closed on {self.closes.strftime(fmt)}"


class Question(VersionedModel, TimestampedModel):
    """One question: agreement with a priority on the five-point scale (with a comment),
    or a general question answered in free text."""

    class Kind(models.TextChoices):
        PRIORITY = "priority", "Agreement with a priority"
        GENERAL = "general", "General question"

    partnership_path: ClassVar[str] = "consultation__strategy__partnership"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="questions"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.GENERAL)
    # Priorities are archived, never deleted; the question keeps its own wording anyway.
    priority = models.ForeignKey(
        Priority,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_questions",
    )
    text = models.CharField(max_length=1000)
    hint = models.CharField(max_length=500, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text

    @property
    def asks_agreement(self) -> bool:
        return self.kind == self.Kind.PRIORITY


class ConsultationEvent(VersionedModel, TimestampedModel):
    """A drop-in, meeting or online session where people can find out and have their say."""

    partnership_path: ClassVar[str] = "consultation__strategy__partnership"

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="events")
    date = models.DateField()
    time = models.CharField(max_length=50, blank=True, help_text="For example 2pm to 4pm.")
    place = models.CharField(max_length=300)
    description = limited_text(2000, blank=True)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.date:%d %B %Y}, {self.place}"
