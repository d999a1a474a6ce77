"""A report as it was sent to a board meeting, kept so the board's record never changes."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from wellboard.partnerships.models import GovernanceBoard
from wellboard.strategy.models import Strategy


class ReportSnapshot(models.Model):
    class Kind(models.TextChoices):
        DELIVERY = "delivery", "Delivery plan report"
        ANNUAL = "annual", "Annual implementation report"
        EXCEPTIONS = "exceptions", "Exception report"

    class Format(models.TextChoices):
        DOCX = "docx", "Word"
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "Excel"
        HTML = "html", "Web page"

    partnership_path: ClassVar[str] = "strategy__partnership"

    # PROTECT: what a board meeting was sent is a delivery record.
    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    format = models.CharField(max_length=10, choices=Format.choices)
    # Kept in the database with its record: written in one transaction, included in
    # backups, and served only through the permission check.
    content = models.BinaryField(editable=False)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=120)
    as_of = models.DateField(help_text="The date the report shows the plan at.")
    meeting_date = models.DateField(null=True, blank=True)
    board = models.ForeignKey(
        GovernanceBoard,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="report_snapshots",
        help_text="The board whose meeting the report was for; blank for the HWB itself.",
    )
    parameters = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.as_of} ({self.format})"

    @property
    def size_kb(self) -> int:
        return max(1, len(self.content or b"") // 1024)
