"""What the importer remembers: column choices per partnership, and every import run."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from wellboard.base.models import TimestampedModel
from wellboard.core.parsing import FIELDS
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Strategy

IGNORE = "ignore"
FIELD_LABELS = {
    "ref": "Reference number",
    "theme": "Theme",
    "priority": "Priority",
    "action": "Action",
    "lead": "Lead organisation",
    "lead_officer": "Lead officer",
    "supporting": "Supporting organisations",
    "due": "Due date (by when)",
    "measures": "Outcome measures",
    "governance": "Governance board",
    "progress": "Progress to date",
    "rag": "RAG status",
    "percent": "Percent complete",
    "links": "Links to other strategies",
    "indicator_codes": "National outcome indicator codes",
    IGNORE: "Ignore this column",
}
FIELD_CHOICES = [(name, FIELD_LABELS.get(name, name)) for name in (*FIELDS, IGNORE)]


class ColumnMapping(TimestampedModel):
    """A header a partnership's documents use that the synonym table does not know.

    Chosen once on the mapping step, then applied to every later upload of that
    partnership, so the same spreadsheet never asks twice.
    """

    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="column_mappings"
    )
    header = models.CharField(max_length=300)
    field = models.CharField(max_length=30, choices=FIELD_CHOICES)

    class Meta:
        ordering = ["header"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "header"], name="unique_column_header")
        ]

    def __str__(self) -> str:
        return f"{self.header} -> {self.field}"


class ImportRun(TimestampedModel):
    """One upload or CLI import: what was read, what it became, and who did it.

    The parsed document is kept here between the preview and the confirm step, so the
    confirm never trusts anything the browser sends back.
    """

    class Kind(models.TextChoices):
        PLAN = "plan", "Plan document"
        DECIDIM = "decidim", "Decidim results"
        SHEET = "sheet", "Plan spreadsheet update"

    class Status(models.TextChoices):
        QUEUED = "queued", "Being read"
        PARSED = "parsed", "Ready to confirm"
        FAILED = "failed", "Could not be read"
        APPLYING = "applying", "Being imported"
        APPLIED = "applied", "Imported"
        DISCARDED = "discarded", "Discarded"

    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="import_runs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_runs",
    )
    file_name = models.CharField(max_length=255)
    # The upload itself, kept until the run is applied so the mapping step can re-read it.
    source = models.BinaryField(null=True, blank=True, editable=False)
    target = models.ForeignKey(
        Strategy,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The strategy imported over or updated; empty for a new strategy.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PLAN)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    document = models.JSONField(null=True, blank=True)
    changes = models.JSONField(null=True, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    unmapped_headers = models.JSONField(default=list, blank=True)
    error = models.CharField(max_length=500, blank=True)
    themes = models.PositiveIntegerField(default=0)
    priorities = models.PositiveIntegerField(default=0)
    actions = models.PositiveIntegerField(default=0)
    result_strategy = models.ForeignKey(
        Strategy, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_runs"
    )
    task_id = models.PositiveIntegerField(null=True, blank=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"
