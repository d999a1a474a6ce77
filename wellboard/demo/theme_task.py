"""The demo consultation's comments grouped again with the sentence model, in the worker
that `make run` starts beside the server.

Grouping 240 responses' comments with the model takes half a minute of CPU, and minutes
on a busy machine: it was most of the first `make run`. The demo now groups them at once
by word frequency (demo/consultation.py) and queues this task where the model is
installed; the results page says a grouping is under way, then shows the model's themes,
and the "you said, we did" rows follow the new labels.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.urls import reverse

from wellboard.consultations import analysis
from wellboard.consultations.models import Consultation
from wellboard.consultations.theme_task import grouping_under_way
from wellboard.core.consultation.themes import choose_engine
from wellboard.demo.consultation import PAST_TITLE, relabel_you_said
from wellboard.strategy.models import Strategy
from wellboard.tasks.background import TaskError, background_task, start
from wellboard.tasks.models import BackgroundTask


@background_task
def regroup_demo_themes(job: BackgroundTask, *, consultation: int) -> None:
    found = Consultation.objects.filter(pk=consultation).first()
    if found is None:
        raise TaskError("This consultation no longer exists.")
    job.report_progress(10, "Grouping the comments into themes with the sentence model…")
    themes = analysis.refresh_themes(found)
    relabel_you_said(found, themes.themes)
    job.report_progress(
        100, f"{themes.comments} comments grouped into {len(themes.themes)} themes."
    )


def queue_model_themes(strategy: Strategy) -> BackgroundTask | None:
    """Queue the regrouping when the demo's themes are not yet the configured engine's
    and none is queued or running; the demo's administrator can watch it."""
    consultation = Consultation.objects.filter(strategy=strategy, title=PAST_TITLE).first()
    kept = analysis.stored_themes(consultation) if consultation else None
    if consultation is None or kept is None:
        return None
    if kept.themes.engine == choose_engine(analysis.configured_engine()):
        return None
    if grouping_under_way(consultation) is not None:
        return None
    return start(
        regroup_demo_themes,
        title=f"Themes of {consultation.title}"[:200],
        user=User.objects.filter(username="admin").first(),
        partnership=strategy.partnership,
        back_url=reverse("consultations:results", args=[consultation.pk]),
        back_label="Back to the results",
        consultation=consultation.pk,
    )
