"""Reports at the ends of the calendar: a form error or one-line CLI error, never a 500."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from tests.reports.test_views import board_member
from wellboard.strategy.models import Strategy

pytestmark = pytest.mark.django_db
EXTREMES = ["0001-01-01", "9999-12-31"]


@pytest.mark.parametrize("kind", ["delivery", "annual", "exceptions"])
@pytest.mark.parametrize("as_of", EXTREMES)
def test_report_pages_refuse_dates_outside_the_supported_range(
    client: Client, demo: Strategy, kind: str, as_of: str
) -> None:
    board_member(client)
    response = client.get(reverse("reports:report", args=[demo.pk, kind]), {"as_of": as_of})
    assert response.status_code == 400
    assert "Enter a date between 1990 and 2100" in response.content.decode()
    download = reverse("reports:download", args=[demo.pk, kind, "xlsx"])
    response = client.get(download, {"as_of": as_of})
    assert response.status_code == 400


@pytest.mark.parametrize("since", EXTREMES)
def test_the_previous_meeting_date_is_checked_too(
    client: Client, demo: Strategy, since: str
) -> None:
    board_member(client)
    url = reverse("reports:report", args=[demo.pk, "exceptions"])
    response = client.get(url, {"as_of": "2026-11-23", "since": since})
    assert response.status_code == 400


@pytest.mark.parametrize("as_of", EXTREMES)
def test_the_report_command_refuses_them_in_one_line(
    demo: Strategy, as_of: str, tmp_path: object
) -> None:
    with pytest.raises(CommandError) as caught:
        call_command(
            "report",
            "annual",
            "--strategy",
            str(demo.pk),
            "--format",
            "html",
            "--out",
            f"{tmp_path}/r.html",
            "--as-of",
            as_of,
        )
    assert caught.value.returncode == 2
    assert "between 1990 and 2100" in str(caught.value)
