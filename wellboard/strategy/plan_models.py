"""A strategy's plans and their parts: Plan -> Theme -> Priority (actions: action_models.py).

Names follow the boards' own documents: a theme is a chapter or priority area, a priority
is an objective or "priority action".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.db import models

from wellboard.base.archive import ArchivableModel
from wellboard.base.limits import limited_text
from wellboard.base.models import TimestampedModel
from wellboard.base.versioning import VersionedModel
from wellboard.core.limits import REF_TEXT, TITLE_TEXT
from wellboard.partnerships.models import (
    Person,
)
from wellboard.strategy.querysets import (
    PLAN_PATH,
    PRIORITY_PATH,
    THEME_PATH,
    PlanPartQuerySet,
)
from wellboard.strategy.strategy_models import Strategy

if TYPE_CHECKING:
    from wellboard.strategy.link_models import ThemeIndicator


class Plan(ArchivableModel, VersionedModel, TimestampedModel):
    """A delivery or action plan under a strategy; the first one is the main delivery plan."""

    class Kind(models.TextChoices):
        DELIVERY = "delivery", "Delivery plan"
        ACTION = "action", "Action plan"
        ANNUAL = "annual", "Annual plan"
        THEME = "theme", "Theme plan"
        SUB_PLAN = "sub_plan", "Sub-plan"

    strategy_path: ClassVar[str] = PLAN_PATH
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"
    public_path: ClassVar[str] = f"{strategy_path}__published"

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.DELIVERY)
    period = models.CharField(max_length=60, blank=True)
    position = models.PositiveIntegerField(default=0)

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/plans/{self.pk}/"


class Theme(ArchivableModel, VersionedModel, TimestampedModel):
    """A chapter or priority area of a plan, with an optional lead board member."""

    strategy_path: ClassVar[str] = THEME_PATH
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"
    public_path: ClassVar[str] = f"{strategy_path}__published"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="themes")
    ref = models.CharField(max_length=REF_TEXT, blank=True)
    title = models.CharField(max_length=500)
    description = limited_text(blank=True)
    lead_member = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="themes_led"
    )
    position = models.PositiveIntegerField(default=0)
    weight = models.PositiveSmallIntegerField(
        default=1, help_text="How much this counts when progress is rolled up."
    )
    # By name: indicators sit in a layer above the strategy (ARCHITECTURE.md).
    indicators: models.ManyToManyField[Any, ThemeIndicator] = models.ManyToManyField(
        "indicators.Indicator", through="ThemeIndicator", blank=True, related_name="themes"
    )

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/themes/{self.pk}/"


class Priority(ArchivableModel, VersionedModel, TimestampedModel):
    """An objective or "priority action" within a theme, with an optional lead officer."""

    strategy_path: ClassVar[str] = PRIORITY_PATH
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"
    public_path: ClassVar[str] = f"{strategy_path}__published"

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="priorities")
    ref = models.CharField(max_length=REF_TEXT, blank=True)
    title = limited_text(TITLE_TEXT)
    description = limited_text(blank=True)
    lead_officer = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="priorities_led"
    )
    sub_plan = models.ForeignKey(
        Plan,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delivers_priorities",
        help_text="Another plan that delivers this priority, e.g. a Staying Healthy action plan.",
    )
    position = models.PositiveIntegerField(default=0)
    weight = models.PositiveSmallIntegerField(
        default=1, help_text="How much this counts when progress is rolled up."
    )

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/priorities/{self.pk}/"
