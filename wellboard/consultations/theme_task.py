"""Grouping a consultation's comments into themes as a background task: with the sentence
model it takes seconds per hundred comments, too long to hold a page request."""

from __future__ import annotations

from django.urls import reverse

from wellboard.consultations import analysis
from wellboard.consultations.models import Consultation
from wellboard.tasks.background import TaskError, background_task
from wellboard.tasks.models import BackgroundTask
from wellboard.tasks.status import TaskStatus


@background_task
def group_themes(job: BackgroundTask, *, consultation: int) -> None:
    found = Consultation.objects.filter(pk=consultation).first()
    if found is None:
        raise TaskError("This consultation no longer exists.")
    job.report_progress(10, "Grouping the comments into themes…")
    themes = analysis.refresh_themes(found)
    job.report_progress(
        100, f"{themes.comments} comments grouped into {len(themes.themes)} themes."
    )


def grouping_under_way(consultation: Consultation) -> BackgroundTask | None:
    """A grouping of the consultation's comments still queued or running, if any: such
    tasks are the ones that lead back to its results page."""
    results = reverse("consultations:results", args=[consultation.pk])
    return (
        BackgroundTask.objects.filter(back_url=results)
        .exclude(task_result__status__in=[TaskStatus.SUCCESSFUL, TaskStatus.FAILED])
        .select_related("task_result")
        .order_by("-pk")
        .first()
    )
