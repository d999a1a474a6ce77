"""The task status page: polled by htmx while running, a plain refresh link without JS."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from wellboard.tasks.models import Task

pytestmark = pytest.mark.django_db


def test_a_running_task_is_polled_and_has_a_refresh_link(client: Client) -> None:
    user = UserFactory()
    task = Task.objects.create(kind="report", created_by=user, status="running", progress=40)
    client.force_login(user)
    page = client.get(reverse("tasks:status", args=[task.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert reverse("tasks:status_partial", args=[task.pk]) in page
    assert "Refresh this page" in page
    assert "htmx.min.js" in page
    partial = client.get(reverse("tasks:status_partial", args=[task.pk])).content.decode()
    assert partial.lstrip().startswith('<div id="task-status"')
    assert "40%" in partial


def test_a_failed_task_shows_its_message_and_stops_polling(client: Client) -> None:
    user = UserFactory()
    task = Task.objects.create(
        kind="report", created_by=user, status="failed", message="<b>No table</b>"
    )
    client.force_login(user)
    partial = client.get(reverse("tasks:status_partial", args=[task.pk])).content.decode()
    assert "&lt;b&gt;No table&lt;/b&gt;" in partial
    assert "hx-trigger" not in partial
    assert client.get(reverse("tasks:result", args=[task.pk])).status_code == 404


def test_another_users_task_is_404(client: Client) -> None:
    task = Task.objects.create(kind="report", created_by=UserFactory())
    client.force_login(UserFactory())
    assert client.get(reverse("tasks:status", args=[task.pk])).status_code == 404
    assert client.get(reverse("tasks:status_partial", args=[task.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("tasks:status", args=[task.pk])).status_code == 302
