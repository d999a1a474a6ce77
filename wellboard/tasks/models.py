"""A background task: slow work (a large report, an import) done outside the request.

The queue is a database table so that no broker is needed: councils install Wellboard on
one small server, and a table is enough for a few tasks an hour.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from wellboard.partnerships.models import Partnership
from wellboard.web.models import TimestampedModel

MESSAGE_LENGTH = 300


class Task(TimestampedModel):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=60, help_text="Which registered handler runs it.")
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    message = models.CharField(max_length=MESSAGE_LENGTH, blank=True)
    # The result is kept in the database, written in the same step as the status, so a
    # task is never "done" without its file and needs no shared disk between servers.
    result = models.BinaryField(null=True, blank=True, editable=False)
    result_name = models.CharField(max_length=200, blank=True)
    result_type = models.CharField(max_length=120, blank=True)
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.CASCADE, related_name="tasks"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["status", "id"], name="task_queue")]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def has_result(self) -> bool:
        return self.status == self.Status.DONE and bool(self.result_name)

    def report_progress(self, percent: int, message: str = "") -> None:
        """Save progress straight away (outside any transaction) so pollers see it."""
        self.progress = max(0, min(100, percent))
        self.message = message[:MESSAGE_LENGTH]
        Task.objects.filter(pk=self.pk).update(
            progress=self.progress, message=self.message, updated_at=timezone.now()
        )
