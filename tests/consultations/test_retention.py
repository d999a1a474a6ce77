"""Personal data is erased after the retention period: `wellboard consultation purge`."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from tests.consultations.helpers import consultation_setting, full_answers
from wellboard.consultations.models import ClientHit, EqualityAnswers, Response
from wellboard.tasks.periodic import periodic_jobs

pytestmark = pytest.mark.django_db


def _purge(*args: str) -> str:
    out = StringIO()
    call_command("consultation", "purge", *args, stdout=out)
    return out.getvalue().strip()


@override_settings(CONSULTATION_RETENTION_DAYS=30)
def test_personal_data_goes_the_day_after_the_retention_period_and_answers_stay() -> None:
    with time_machine.travel(dt.datetime(2027, 1, 10, 12, tzinfo=dt.UTC), tick=False):
        setting = consultation_setting()
        url = reverse("consultations:respond", args=[setting.consultation.pk])
        Client().post(url, full_answers(setting))
    response = Response.objects.get()
    closes = setting.consultation.closes
    assert response.retain_until == closes + dt.timedelta(days=30)
    last_day = dt.datetime.combine(response.retain_until, dt.time(12), tzinfo=dt.UTC)
    with time_machine.travel(last_day, tick=False):
        assert _purge().startswith("Erased the personal data of 0 responses")
    response.refresh_from_db()
    assert response.email == "priya@example.org"
    with time_machine.travel(last_day + dt.timedelta(days=1), tick=False):
        assert _purge().startswith("Erased the personal data of 1 response;")
        assert _purge().startswith("Erased the personal data of 0 responses")
    response.refresh_from_db()
    assert (response.name, response.email, response.erasure_reason) == ("", "", "retention")
    assert not EqualityAnswers.objects.exists() and response.answers.count() == 4


def test_the_day_can_be_given_and_a_bad_one_is_one_line_with_status_2() -> None:
    setting = consultation_setting()
    Client().post(
        reverse("consultations:respond", args=[setting.consultation.pk]), full_answers(setting)
    )
    assert "of 0 responses" in _purge("--today", setting.consultation.closes.isoformat())
    assert "of 1 response;" in _purge("--today", "2099-01-01")
    with pytest.raises(CommandError) as error:
        _purge("--today", "next week")
    assert error.value.returncode == 2 and "not a date" in str(error.value)


def test_old_rate_counters_are_dropped_and_the_worker_purges_daily() -> None:
    with time_machine.travel(dt.datetime(2027, 1, 10, 9, tzinfo=dt.UTC), tick=False):
        setting = consultation_setting()
        Client().post(reverse("consultations:respond", args=[setting.consultation.pk]), {})
    assert ClientHit.objects.count() == 1
    with time_machine.travel(dt.datetime(2027, 1, 10, 23, tzinfo=dt.UTC), tick=False):
        assert _purge().endswith("removed 0 old rate counters.")
    with time_machine.travel(dt.datetime(2027, 1, 11, 10, tzinfo=dt.UTC), tick=False):
        assert _purge().endswith("removed 1 old rate counters.")
    jobs = {job.name: job.every for job in periodic_jobs}
    assert jobs["consultation.purge"] == dt.timedelta(days=1)
