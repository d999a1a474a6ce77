"""The strategy and its delivery plans: Strategy -> Plan -> Theme -> Priority -> Action.

Names follow the boards' own documents: a theme is a chapter or priority area, a priority
is an objective or "priority action", and an action is one line of the delivery plan.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from wellboard.base.archive import ArchivableModel
from wellboard.base.limits import limited_text
from wellboard.base.models import TimestampedModel
from wellboard.base.versioning import VersionedModel
from wellboard.core.lifecycle import refusal
from wellboard.core.limits import TITLE_TEXT
from wellboard.partnerships.models import (
    DecidingBody,
    GovernanceBoard,
    Organisation,
    OtherStrategy,
    Partnership,
    Person,
    RoleType,
)
from wellboard.strategy.choices import DeliveryStatus, Rag
from wellboard.strategy.current import STALE_AFTER, CurrentDelivery, status_for
from wellboard.strategy.progress_models import Milestone, ProgressUpdate
from wellboard.strategy.querysets import (
    ACTION_PATH,
    PLAN_PATH,
    PRIORITY_PATH,
    THEME_PATH,
    PlanPartQuerySet,
    StrategyQuerySet,
)

__all__ = [
    "Action",
    "ActionBoard",
    "ActionComment",
    "ActionIndicator",
    "ActionLink",
    "ActionOrganisation",
    "ApprovalDecision",
    "DeliveryStatus",
    "Milestone",
    "Plan",
    "Priority",
    "ProgressUpdate",
    "ProposalDecision",
    "ProposedChange",
    "Rag",
    "RoleType",
    "Strategy",
    "StrategyVersion",
    "Theme",
    "ThemeIndicator",
    "UpdateReview",
]


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
    ref = models.CharField(max_length=30, blank=True)
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
    ref = models.CharField(max_length=30, blank=True)
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
    ref = models.CharField(max_length=30, blank=True)
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


# Models kept in their own modules, imported here so that Django registers them and
# `from wellboard.strategy.models import ...` finds every model of the app.
from wellboard.strategy.link_models import (  # noqa: E402
    ActionBoard,
    ActionIndicator,
    ActionLink,
    ActionOrganisation,
    ThemeIndicator,
)
from wellboard.strategy.version_models import StrategyVersion  # noqa: E402
from wellboard.strategy.workflow_models import (  # noqa: E402
    ActionComment,
    ProposalDecision,
    ProposedChange,
    UpdateReview,
)
