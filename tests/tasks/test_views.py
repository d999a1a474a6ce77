"""The task status page: polled by htmx while running, a plain refresh link without JS."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.tasks import sample_tasks
from wellboard.tasks import leases
from wellboard.tasks.background import start
from wellboard.tasks.models import BackgroundTask
from wellboard.tasks.status import TaskStatus
from wellboard.tasks.worker import run_pending

pytestmark = pytest.mark.django_db


def _set_status(job: BackgroundTask, status: str) -> None:
    job.task_result.status = status
    job.task_result.save(update_fields=["status"])


def test_a_running_task_is_polled_and_has_a_refresh_link(client: Client) -> None:
    user = UserFactory()
    job = start(sample_tasks.echo, title="Delivery report (PDF)", user=user, text="x")
    _set_status(job, TaskStatus.RUNNING)
    job.report_progress(40, "Writing the PDF file…")
    client.force_login(user)
    page = client.get(reverse("tasks:status", args=[job.pk])).content.decode()
    assert "<h1>Delivery report (PDF)</h1>" in page
    assert 'hx-trigger="every 1s"' in page
    assert reverse("tasks:status_partial", args=[job.pk]) in page
    assert "Refresh this page" in page
    assert "htmx.min.js" in page
    partial = client.get(reverse("tasks:status_partial", args=[job.pk])).content.decode()
    assert partial.lstrip().startswith('<div id="task-status"')
    assert "Running" in partial and "40%" in partial and "Writing the PDF file…" in partial


def test_a_queued_task_says_when_no_worker_is_running(client: Client) -> None:
    user = UserFactory()
    job = start(sample_tasks.echo, title="Echo", user=user, text="x")
    client.force_login(user)
    url = reverse("tasks:status_partial", args=[job.pk])
    assert "No background worker is running" in client.get(url).content.decode()
    leases.register("a-live-worker")
    page = client.get(url).content.decode()
    assert "Queued" in page and "No background worker is running" not in page


def test_a_finished_task_offers_its_file_and_stops_polling(client: Client) -> None:
    user = UserFactory()
    job = start(sample_tasks.echo, title="Echo", user=user, back_url="/reports/1/", text="hi")
    run_pending()
    client.force_login(user)
    page = client.get(reverse("tasks:status", args=[job.pk])).content.decode()
    assert "Download echo.txt" in page and "hx-trigger" not in page
    assert 'href="/reports/1/"' in page
    download = client.get(reverse("tasks:result", args=[job.pk]))
    assert download.content == b"hi"
    assert download["Content-Disposition"] == 'attachment; filename="echo.txt"'


def test_a_failed_task_shows_its_message_and_stops_polling(client: Client) -> None:
    user = UserFactory()
    job = start(sample_tasks.echo, title="Echo", user=user, text="x")
    _set_status(job, TaskStatus.FAILED)
    BackgroundTask.objects.filter(pk=job.pk).update(message="<b>No table</b>")
    client.force_login(user)
    partial = client.get(reverse("tasks:status_partial", args=[job.pk])).content.decode()
    assert "Failed" in partial
    assert "&lt;b&gt;No table&lt;/b&gt;" in partial
    assert "hx-trigger" not in partial
    assert client.get(reverse("tasks:result", args=[job.pk])).status_code == 404


def test_another_users_task_is_404(client: Client) -> None:
    job = start(sample_tasks.echo, title="Echo", user=UserFactory(), text="x")
    run_pending()
    client.force_login(UserFactory())
    for name in ("tasks:status", "tasks:status_partial", "tasks:result"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("tasks:status", args=[job.pk])).status_code == 302
