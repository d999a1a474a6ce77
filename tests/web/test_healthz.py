"""/healthz: 200 "ok" while the database answers and a worker is alive, else 503 and why.

The database-down case needs a database that really goes down: it is in
tests/tasks/test_worker_restart.py, against a private PostgreSQL server.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from wellboard.tasks import leases
from wellboard.tasks.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def test_ok_when_the_database_answers_and_a_worker_is_alive(client: Client) -> None:
    leases.register("worker-1")
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok")
    assert response["Content-Type"].startswith("text/plain")
    assert response["Cache-Control"] == "no-store"


def test_503_when_no_worker_has_ever_run(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"no task worker seen in the last 30 s"


def test_503_when_the_last_worker_stopped_beating(client: Client) -> None:
    WorkerHeartbeat.objects.create(
        worker_id="gone", hostname="h", pid=1, seen_at=timezone.now() - timedelta(seconds=31)
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content.decode().startswith("no task worker seen")
    leases.beat("gone")
    assert client.get("/healthz").status_code == 200


def test_only_get(client: Client) -> None:
    assert client.post("/healthz").status_code == 405
