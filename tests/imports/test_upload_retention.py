"""Uploaded plans are not kept: gone once applied or discarded (test_views.py), and after
WELLBOARD_UPLOAD_RETENTION_DAYS for a run nobody finished (issue #12.14)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.imports.conftest import ODD_HEADER_CSV, PLAN_CSV
from tests.imports.test_views import _client, _upload
from wellboard.imports.models import ImportRun
from wellboard.tasks.periodic import periodic_jobs

pytestmark = pytest.mark.django_db


def _job() -> Any:
    [job] = [job for job in periodic_jobs if job.name == "imports.forget_uploads"]
    return job


def test_unfinished_uploads_are_deleted_after_the_retention_period(settings: Any) -> None:
    settings.WELLBOARD_UPLOAD_RETENTION_DAYS = 14
    client = _client()
    with time_machine.travel(timezone.now() - timedelta(days=15)):
        _upload(client, "old-plan.csv", PLAN_CSV)
    with time_machine.travel(timezone.now() - timedelta(days=13)):
        _upload(client, "recent-plan.csv", PLAN_CSV)
    assert ImportRun.objects.exclude(source=None).count() == 2
    _job().run()
    old = ImportRun.objects.get(file_name="old-plan.csv")
    recent = ImportRun.objects.get(file_name="recent-plan.csv")
    assert old.source is None and old.status == ImportRun.Status.PARSED
    assert bytes(recent.source) == PLAN_CSV.encode()
    assert _job().every <= timedelta(hours=1)


def test_a_run_whose_upload_was_deleted_asks_for_the_file_again(settings: Any) -> None:
    settings.WELLBOARD_UPLOAD_RETENTION_DAYS = 1
    client = _client()
    with time_machine.travel(timezone.now() - timedelta(days=2)):
        _upload(client, "odd.csv", ODD_HEADER_CSV)
    run = ImportRun.objects.get()
    assert run.unmapped_headers  # it waits for column choices
    _job().run()
    choices = {"column_0": "lead"}
    response = client.post(reverse("imports:mapping", args=[run.pk]), choices, follow=True)
    assert "was deleted after 1 day" in response.content.decode()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
