"""What Wellboard keeps beside Django's task queue.

The queue itself is django-tasks' database backend (`DBTaskResult`: status, arguments,
attempts, traceback). Users need more than that while a large report or import runs: a
progress bar, a message they can act on, the file to download, and the certainty that
nobody else sees any of it. `BackgroundTask` holds those, one row per queued task.

`WorkerHeartbeat` lets workers notice that another worker died while running a task
(see `leases.py`), and lets /healthz tell whether any worker is alive.
`PeriodicJobRun` records when each periodic job last ran (see `periodic.py`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from wellboard.base.models import TimestampedModel
from wellboard.tasks.status import STATUS_LABELS, TaskStatus

MESSAGE_LENGTH = 300
UNEXPECTED = "The task failed unexpectedly; the error has been logged for the administrator."


class BackgroundTask(TimestampedModel):
    """A queued task as its user sees it: title, progress, message and result file."""

    task_result = models.OneToOneField(
        DBTaskResult, on_delete=models.CASCADE, related_name="background_task"
    )
    title = models.CharField(max_length=200)
    back_url = models.CharField(max_length=300, blank=True)
    back_label = models.CharField(max_length=100, blank=True)
    progress = models.PositiveSmallIntegerField(default=0)
    message = models.CharField(max_length=MESSAGE_LENGTH, blank=True)
    # The file is written before the queue marks the task successful, so a task that
    # shows as done always has its file; the database holds it, so no shared disk is
    # needed between the web server and the worker.
    file_content = models.BinaryField(null=True, blank=True, editable=False)
    file_name = models.CharField(max_length=200, blank=True)
    file_type = models.CharField(max_length=120, blank=True)
    # A string reference: the tasks app sits beneath partnerships and imports nothing of it.
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="background_tasks",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="background_tasks",
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.title} #{self.pk} ({self.status})"

    @property
    def status(self) -> str:
        return str(self.task_result.status)

    def get_status_display(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def finished(self) -> bool:
        return self.status in {TaskStatus.SUCCESSFUL, TaskStatus.FAILED}

    @property
    def failed(self) -> bool:
        return self.status == TaskStatus.FAILED

    @property
    def has_file(self) -> bool:
        return self.status == TaskStatus.SUCCESSFUL and bool(self.file_name)

    @property
    def shown_message(self) -> str:
        """The message for the page; a failure is never shown without a reason."""
        if self.failed and not self.message:
            return UNEXPECTED
        return self.message

    def report_progress(self, percent: int, message: str = "") -> None:
        """Save progress straight away (outside any transaction) so pollers see it."""
        self.progress = max(0, min(100, percent))
        self.message = first_line(message)
        BackgroundTask.objects.filter(pk=self.pk).update(
            progress=self.progress, message=self.message, updated_at=timezone.now()
        )


def first_line(text: str) -> str:
    """A message as users see it: its first line, cut to the column's length."""
    lines = text.strip().splitlines()
    return lines[0][:MESSAGE_LENGTH] if lines else ""


class WorkerHeartbeat(models.Model):
    """A running worker process, written every few seconds while it lives.

    `task_result_id` names the task it is running, written in the same transaction as
    the claim, so another worker can tell a task whose worker died from one that is
    merely slow.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now, db_index=True)
    task_result_id = models.UUIDField(null=True, blank=True)

    def __str__(self) -> str:
        return f"worker {self.worker_id} on {self.hostname} (pid {self.pid})"


class PeriodicJobRun(models.Model):
    """When a periodic job last ran: the row workers race for, so one of them runs it."""

    name = models.CharField(max_length=100, primary_key=True)
    last_run_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} (last run {self.last_run_at})"
