"""The strategy itself and the decisions on it (ApprovalDecision): its status moves along
the lifecycle (core/lifecycle.py) and each decision records who decided, when and where.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from wellboard.base.archive import ArchivableModel
from wellboard.base.limits import limited_text
from wellboard.base.models import TimestampedModel
from wellboard.base.versioning import VersionedModel
from wellboard.core.lifecycle import refusal
from wellboard.partnerships.models import (
    DecidingBody,
    Partnership,
)
from wellboard.strategy.querysets import (
    PLAN_PATH,
    PlanPartQuerySet,
    StrategyQuerySet,
)

if TYPE_CHECKING:
    from wellboard.strategy.plan_models import Plan


class Strategy(ArchivableModel, VersionedModel, TimestampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        CONSULTATION = "consultation", "In consultation"
        REVISED = "revised", "Revised"
        APPROVED = "approved", "Approved"
        ADOPTED = "adopted", "Adopted"
        IN_DELIVERY = "in_delivery", "In delivery"
        UNDER_REVIEW = "under_review", "Under review"
        CLOSED = "closed", "Closed"

    partnership_path: ClassVar[str] = "partnership"
    public_path: ClassVar[str] = "published"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="strategies"
    )
    title = models.CharField(max_length=300)
    summary = limited_text(blank=True)
    vision = limited_text(
        blank=True, help_text="What the partnership wants for its residents, in a few sentences."
    )
    period_start = models.PositiveSmallIntegerField(null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    published = models.BooleanField(
        default=False, help_text="Shown on the public pages when ticked."
    )
    requires_approval = models.BooleanField(
        default=False,
        help_text="Progress updates count only once an administrator approves them.",
    )
    locked_through = models.DateField(
        null=True,
        blank=True,
        help_text="Reporting periods up to this day are locked: the board paper is out.",
    )

    objects = StrategyQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "title"]
        verbose_name_plural = "strategies"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/strategies/{self.pk}/"

    @property
    def period(self) -> str:
        if self.period_start and self.period_end:
            return f"{self.period_start}\N{EN DASH}{self.period_end}"
        return str(self.period_start or self.period_end or "")

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "The period cannot end before it starts."})

    def move_to(self, status: str) -> None:
        """Change status along the lifecycle (wellboard.core.lifecycle), refusing a jump the
        board process never makes; recording who decided is strategy.lifecycle's job."""
        if reason := refusal(self.status, status, body="-", meeting_date="-"):
            raise ValidationError(reason)
        self.status = status

    @property
    def main_plan(self) -> Plan | None:
        return self.plans.filter(archived_at__isnull=True).order_by("position", "id").first()


def has_published_strategy(partnership_id: int) -> bool:
    """A partnership shows the public its directory and indicators once it publishes."""
    return Strategy.objects.published().filter(partnership_id=partnership_id).exists()


class ApprovalDecision(TimestampedModel):
    """A decision on the strategy by a board or body, e.g. "HWB 27 Sep 2012: approved"."""

    class Decision(models.TextChoices):
        CONSULTATION_AGREED = "consultation_agreed", "Consultation agreed"
        APPROVED = "approved", "Approved"
        ADOPTED = "adopted", "Adopted"
        NOTED = "noted", "Noted"
        DEFERRED = "deferred", "Deferred"

    strategy_path: ClassVar[str] = PLAN_PATH
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="approvals")
    body = models.CharField(max_length=200, help_text="e.g. Council Cabinet, ICB Board")
    date = models.DateField(null=True, blank=True)
    decision = models.CharField(max_length=30, choices=Decision.choices, default=Decision.APPROVED)
    note = limited_text(blank=True)
    # Filled when the decision moved the strategy along its lifecycle (strategy.lifecycle).
    from_status = models.CharField(max_length=20, choices=Strategy.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Strategy.Status.choices, blank=True)
    minute_reference = models.CharField(max_length=100, blank=True)
    # The configured body that decided (the name above is kept as it was then).
    deciding_body = models.ForeignKey(
        DecidingBody, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        when = self.date.strftime("%-d %b %Y") if self.date else "date not recorded"
        return f"{self.body} {when}: {self.get_decision_display().lower()}"
