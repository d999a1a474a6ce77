"""An action: one line of the delivery plan, with its due date in the board's own words,
its lead, partners, boards, indicators, and the delivery status kept on it (current.py).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models

from wellboard.base.archive import ArchivableModel
from wellboard.base.limits import limited_text
from wellboard.base.models import TimestampedModel
from wellboard.core.limits import REF_TEXT, TITLE_TEXT
from wellboard.partnerships.models import (
    GovernanceBoard,
    Organisation,
    OtherStrategy,
    Person,
)
from wellboard.strategy.choices import DeliveryStatus, Rag
from wellboard.strategy.current import STALE_AFTER, CurrentDelivery, status_for
from wellboard.strategy.plan_models import Priority
from wellboard.strategy.progress_models import ProgressUpdate
from wellboard.strategy.querysets import (
    ACTION_PATH,
    PlanPartQuerySet,
)

if TYPE_CHECKING:
    from wellboard.strategy.link_models import (
        ActionBoard,
        ActionIndicator,
        ActionLink,
        ActionOrganisation,
    )


class Action(CurrentDelivery, ArchivableModel, TimestampedModel):
    class DuePrecision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        QUARTER = "quarter", "Quarter"
        YEAR = "year", "Year"
        FINANCIAL_YEAR = "financial_year", "Financial year"
        ACADEMIC_YEAR = "academic_year", "Academic year"
        RANGE = "range", "Range"
        NONE = "none", "None"

    strategy_path: ClassVar[str] = ACTION_PATH
    partnership_path: ClassVar[str] = f"{strategy_path}__partnership"
    public_path: ClassVar[str] = f"{strategy_path}__published"

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="actions")
    ref = models.CharField(max_length=REF_TEXT, blank=True)
    title = limited_text(TITLE_TEXT)
    description = limited_text(blank=True)
    lead_officer = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="actions_led"
    )
    # The wording is the board's own and is never thrown away; the structured form is
    # what sorting, overdue checks and reports use.
    due_text = models.CharField(max_length=300, blank=True)
    due_start = models.DateField(null=True, blank=True)
    due_end = models.DateField(null=True, blank=True)
    due_precision = models.CharField(
        max_length=20, choices=DuePrecision.choices, default=DuePrecision.NONE, blank=True
    )
    ongoing = models.BooleanField(default=False)
    to_be_agreed = models.BooleanField(default=False)
    outcome_measures = limited_text(blank=True)
    role_type = models.ForeignKey(
        "partnerships.RoleType",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actions",
        help_text="The partnership's part in the action, in its own words.",
    )
    percent_complete = models.PositiveSmallIntegerField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    weight = models.PositiveSmallIntegerField(
        default=1, help_text="How much this counts when progress is rolled up."
    )
    version = models.PositiveIntegerField(
        default=1, help_text="Raised on every save, so that concurrent edits can be detected."
    )

    organisations: models.ManyToManyField[Organisation, ActionOrganisation] = (
        models.ManyToManyField(
            Organisation, through="ActionOrganisation", blank=True, related_name="actions"
        )
    )
    boards: models.ManyToManyField[GovernanceBoard, ActionBoard] = models.ManyToManyField(
        GovernanceBoard, through="ActionBoard", blank=True, related_name="actions"
    )
    indicators: models.ManyToManyField[Any, ActionIndicator] = models.ManyToManyField(
        "indicators.Indicator", through="ActionIndicator", blank=True, related_name="actions"
    )
    links: models.ManyToManyField[OtherStrategy, ActionLink] = models.ManyToManyField(
        OtherStrategy, through="ActionLink", blank=True, related_name="actions"
    )

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.ref} {self.title}".strip()

    def get_absolute_url(self) -> str:
        return f"/actions/{self.pk}/"

    def clean(self) -> None:
        if self.due_start and self.due_end and self.due_end < self.due_start:
            raise ValidationError({"due_end": "The due period cannot end before it starts."})
        if self.percent_complete is not None and self.percent_complete > 100:
            raise ValidationError({"percent_complete": "Percent complete is at most 100."})

    def set_due(self, text: str) -> None:
        """Keep the wording and fill in its structured form from the UK date parser."""
        from wellboard.core.dates import parse_due

        due = parse_due(text)
        self.due_text = text
        self.due_start, self.due_end = due.start, due.end
        self.due_precision = str(due.precision)
        self.ongoing, self.to_be_agreed = due.ongoing, due.to_be_agreed

    def latest_update(self) -> ProgressUpdate | None:
        """The newest update that carries a RAG status."""
        updates = [u for u in self.updates.all() if u.rag]
        return max(updates, key=ProgressUpdate.sort_key) if updates else None

    def status_on(self, today: date, latest: ProgressUpdate | None = None) -> DeliveryStatus:
        latest = latest if latest is not None else self.latest_update()
        return status_for(
            latest.rag if latest else Rag.NOT_STARTED, self.due_end, self.ongoing, today
        )

    def is_stale_on(self, today: date) -> bool:
        """No update for 90 days: the test boards apply before chasing a lead."""
        dates = [u.date for u in self.updates.all() if u.date]
        return not dates or today - max(dates) > STALE_AFTER

    def lead_labels(self) -> list[str]:
        return [link.organisation.label for link in self.organisation_links.all() if link.is_lead]

    def supporting_labels(self) -> list[str]:
        return [
            link.organisation.label for link in self.organisation_links.all() if not link.is_lead
        ]
