"""The demo consultation's themes: grouped at once by word frequency when the loaded
demo would otherwise wait for the sentence model, which then groups them again in the
worker (demo/theme_task.py); the results page says so meanwhile."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from wellboard.consultations import analysis
from wellboard.consultations.models import Consultation, YouSaidWeDid
from wellboard.consultations.theme_task import grouping_under_way
from wellboard.demo.consultation import PAST_TITLE
from wellboard.demo.theme_task import queue_model_themes, regroup_demo_themes
from wellboard.strategy.models import Strategy
from wellboard.tasks.background import start
from wellboard.tasks.models import BackgroundTask
from wellboard.tasks.worker import run_pending

pytestmark = pytest.mark.django_db


def _past(demo: Strategy) -> Consultation:
    return Consultation.objects.get(strategy=demo, title=PAST_TITLE)


def _results_page(consultation: Consultation) -> str:
    client = Client()
    client.force_login(User.objects.get(username="admin"))
    return client.get(reverse("consultations:results", args=[consultation.pk])).content.decode()


def test_with_word_frequency_configured_nothing_is_queued(demo: Strategy) -> None:
    kept = analysis.stored_themes(_past(demo))
    assert kept is not None and kept.themes.engine == "tfidf"
    assert queue_model_themes(demo) is None
    assert not BackgroundTask.objects.exists()


@override_settings(CONSULTATION_THEMES_ENGINE="model")
def test_with_the_model_configured_one_regrouping_is_queued_and_shown(demo: Strategy) -> None:
    past = _past(demo)
    job = queue_model_themes(demo)
    assert job is not None and job.created_by == User.objects.get(username="admin")
    assert grouping_under_way(past) == job
    assert queue_model_themes(demo) is None  # one is enough
    html = _results_page(past)
    assert 'id="grouping"' in html and "being grouped again (queued since" in html
    kept = analysis.stored_themes(past)
    assert kept is not None and all(t.label in html for t in kept.themes.themes)


def test_the_task_groups_again_and_the_you_said_rows_follow(demo: Strategy) -> None:
    past = _past(demo)
    themed = past.you_said_we_did.exclude(theme="")
    assert themed.count() >= 3
    versions = dict(themed.values_list("pk", "version"))
    themed.update(theme="A label from an earlier grouping")
    analysis.refresh_themes(past, "tfidf")
    job = start(
        regroup_demo_themes,
        title="Themes",
        partnership=demo.partnership,
        back_url=reverse("consultations:results", args=[past.pk]),
        consultation=past.pk,
    )
    assert grouping_under_way(past) == job
    assert run_pending() == 1
    job.refresh_from_db()
    assert job.progress == 100 and "comments grouped into" in job.message
    assert grouping_under_way(past) is None and 'id="grouping"' not in _results_page(past)
    labels = {t.label for t in analysis.stored_themes(past).themes.themes}  # type: ignore[union-attr]
    for row in YouSaidWeDid.objects.filter(pk__in=versions):
        assert row.theme in labels
        assert row.version == versions[row.pk] + 1  # a form opened before is refused
