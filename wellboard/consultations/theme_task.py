"""Grouping a consultation's comments into themes as a background task: with the sentence
model it takes seconds per hundred comments, too long to hold a page request."""

from __future__ import annotations

from wellboard.consultations import analysis
from wellboard.consultations.models import Consultation
from wellboard.tasks.background import TaskError, background_task
from wellboard.tasks.models import BackgroundTask


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
