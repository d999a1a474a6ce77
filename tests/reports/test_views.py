"""Report pages: members read and download; everyone else gets a 404 or the login page."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.factories import MembershipFactory, StrategyFactory, UserFactory
from wellboard.reports import views
from wellboard.reports.models import ReportSnapshot
from wellboard.strategy.models import Strategy
from wellboard.tasks.models import BackgroundTask
from wellboard.tasks.worker import run_pending

pytestmark = pytest.mark.django_db


def board_member(client: Client) -> User:
    user = User.objects.get(username="board1")
    client.force_login(user)
    return user


def administrator(client: Client) -> User:
    user = User.objects.get(username="admin")
    client.force_login(user)
    return user


def test_a_member_reads_the_report_page(client: Client, demo: Strategy) -> None:
    board_member(client)
    url = reverse("reports:report", args=[demo.pk, "delivery"])
    response = client.get(url, {"as_of": "2026-11-23"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "wb-rag--overdue" in html
    assert reverse("reports:download", args=[demo.pk, "delivery", "pdf"]) in html
    assert 'name="csrfmiddlewaretoken"' in html


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf", "html"])
def test_a_member_downloads_each_format(client: Client, demo: Strategy, fmt: str) -> None:
    board_member(client)
    url = reverse("reports:download", args=[demo.pk, "exceptions", fmt])
    response = client.get(url, {"as_of": "2026-11-23"})
    assert response.status_code == 200
    assert f'filename="exceptions-report-2026-11-23.{fmt}"' in response["Content-Disposition"]
    assert len(response.content) > 1000


def test_filters_reach_the_download(client: Client, demo: Strategy) -> None:
    board_member(client)
    theme = demo.main_plan.themes.last()  # type: ignore[union-attr]
    url = reverse("reports:download", args=[demo.pk, "delivery", "xlsx"])
    response = client.get(url, {"theme": theme.pk, "as_of": "2026-11-23"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Actions"]
    assert {row[0].value for row in sheet.iter_rows(min_row=2)} == {
        f"{theme.ref} {theme.title}".strip()
    }


def test_bad_filters_are_a_form_error_not_a_500(client: Client, demo: Strategy) -> None:
    board_member(client)
    other_theme = StrategyFactory().plans.create(title="P").themes.create(title="Theirs")
    url = reverse("reports:report", args=[demo.pk, "delivery"])
    response = client.get(url, {"theme": other_theme.pk, "as_of": "not a date"})
    assert response.status_code == 400
    assert "nhsuk-error-message" in response.content.decode()
    response = client.get(reverse("reports:report", args=[demo.pk, "annual"]), {"year": 2040})
    assert response.status_code == 400
    assert "starts after the report date" in response.content.decode()


def test_outsiders_get_404_and_visitors_the_login_page(client: Client, demo: Strategy) -> None:
    url = reverse("reports:download", args=[demo.pk, "delivery", "pdf"])
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    outsider = MembershipFactory().user  # a member of another partnership
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.get(reverse("reports:index", args=[demo.pk])).status_code == 404
    response = client.post(
        reverse("reports:generate", args=[demo.pk, "delivery"]), {"format": "pdf"}
    )
    assert response.status_code == 404
    assert not BackgroundTask.objects.exists()


def test_unknown_report_or_format_is_404(client: Client, demo: Strategy) -> None:
    board_member(client)
    assert client.get(reverse("reports:report", args=[demo.pk, "weekly"])).status_code == 404
    url = reverse("reports:download", args=[demo.pk, "delivery", "odt"])
    assert client.get(url).status_code == 404


def _kept() -> list[int]:
    """The snapshots on record: the demo keeps one, for its last past board meeting."""
    return list(ReportSnapshot.objects.order_by("pk").values_list("pk", flat=True))


def test_background_production_saves_a_snapshot(client: Client, demo: Strategy) -> None:
    user = administrator(client)
    kept = _kept()
    board = demo.partnership.boards.get(short_name="SHP")
    response = client.post(
        reverse("reports:generate", args=[demo.pk, "exceptions"]),
        {
            "format": "docx",
            "board": board.pk,
            "as_of": "2026-11-23",
            "snapshot": "on",
            "meeting_date": "2026-11-25",
        },
    )
    task = BackgroundTask.objects.select_related("task_result").get()
    assert response.status_code == 302
    assert response["Location"] == reverse("tasks:status", args=[task.pk])
    assert task.created_by == user and task.get_status_display() == "Queued"
    assert task.partnership == demo.partnership
    assert task.task_result.task_path == "wellboard.reports.tasks.produce_report"
    assert run_pending() == 1
    page = client.get(reverse("tasks:status", args=[task.pk])).content.decode()
    assert "Download exceptions-report-2026-11-23.docx" in page
    assert 'hx-trigger="every 1s"' not in page  # finished: polling stops
    result = client.get(reverse("tasks:result", args=[task.pk]))
    assert result.content.startswith(b"PK")
    snapshot = ReportSnapshot.objects.exclude(pk__in=kept).get()
    assert (snapshot.board, str(snapshot.meeting_date)) == (board, "2026-11-25")
    assert snapshot.parameters["board"] == board.pk
    index = client.get(reverse("reports:index", args=[demo.pk])).content.decode()
    assert snapshot.filename in index
    download = client.get(reverse("reports:snapshot", args=[snapshot.pk]))
    assert download.content == bytes(snapshot.content)
    client.force_login(UserFactory())
    assert client.get(reverse("reports:snapshot", args=[snapshot.pk])).status_code == 404
    assert client.get(reverse("tasks:result", args=[task.pk])).status_code == 404


def _snapshot_request(client: Client, demo: Strategy) -> BackgroundTask:
    client.post(
        reverse("reports:generate", args=[demo.pk, "delivery"]),
        {"format": "xlsx", "snapshot": "on", "meeting_date": "2026-11-25"},
    )
    return BackgroundTask.objects.select_related("task_result").get()


def _asks_for_snapshot(task: BackgroundTask) -> bool:
    return bool(task.task_result.args_kwargs["kwargs"]["snapshot"])


def test_only_administrators_may_keep_a_snapshot(
    client: Client, demo: Strategy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A snapshot sets "the last board meeting" for everyone: a board member's page does not
    offer it, and a snapshot ticked in a hand-made request is not kept."""
    monkeypatch.setattr(views, "BACKGROUND_ABOVE", 10)
    url = reverse("reports:report", args=[demo.pk, "delivery"])
    kept = _kept()
    administrator(client)
    assert 'name="snapshot"' in client.get(url).content.decode()
    board_member(client)
    assert 'name="snapshot"' not in client.get(url).content.decode()
    task = _snapshot_request(client, demo)
    assert not _asks_for_snapshot(task)
    assert run_pending() == 1
    task = BackgroundTask.objects.select_related("task_result").get()
    assert task.get_status_display() != "Failed" and task.has_file
    assert _kept() == kept  # none kept by this request


def test_a_queued_snapshot_is_refused_once_the_role_is_gone(client: Client, demo: Strategy) -> None:
    """The task checks the rule again when it runs: the role may have changed meanwhile."""
    user = administrator(client)
    kept = _kept()
    task = _snapshot_request(client, demo)
    assert _asks_for_snapshot(task)
    user.memberships.update(role="board_member")
    assert run_pending() == 1
    task = BackgroundTask.objects.select_related("task_result").get()
    assert task.failed
    assert "Only an administrator" in task.shown_message
    assert _kept() == kept  # none kept by this request


def test_large_plans_offer_background_production(
    client: Client, demo: Strategy, monkeypatch: pytest.MonkeyPatch
) -> None:
    board_member(client)
    url = reverse("reports:report", args=[demo.pk, "delivery"])
    assert "download.pdf" in client.get(url).content.decode()
    monkeypatch.setattr(views, "BACKGROUND_ABOVE", 10)
    html = client.get(url).content.decode()
    assert "download.pdf" not in html
    assert "made in the background" in html


def test_the_reports_page_lists_only_the_users_strategies(client: Client, demo: Strategy) -> None:
    other = StrategyFactory(title="Another board's strategy")
    board_member(client)
    html = client.get(reverse("reports:strategies")).content.decode()
    assert demo.title in html
    assert other.title not in html
    assert reverse("reports:index", args=[demo.pk]) in html
