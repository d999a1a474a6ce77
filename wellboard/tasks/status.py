"""The queue's task statuses and the words users see for them."""

from __future__ import annotations

from django_tasks_db.compat import TaskResultStatus as TaskStatus

STATUS_LABELS = {
    TaskStatus.READY: "Queued",
    TaskStatus.RUNNING: "Running",
    TaskStatus.SUCCESSFUL: "Done",
    TaskStatus.FAILED: "Failed",
}

__all__ = ["STATUS_LABELS", "TaskStatus"]
