"""A PostgreSQL restart under a running worker, and /healthz while the database is down.

These restart a private, throwaway PostgreSQL server started for this module (never the
shared one on port 5432), so they run in every pass of the suite; they skip where the
PostgreSQL 15 server binaries are not installed.
"""

from __future__ import annotations

import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tasks.processes import PrivatePostgres, QueueDatabase

pytestmark = pytest.mark.skipif(
    not PrivatePostgres.available(), reason="PostgreSQL 15 server binaries are not installed"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivatePostgres]:
    # Not under pytest's own temporary folder: the postgres user must be able to reach it.
    postgres = PrivatePostgres(Path(tempfile.mkdtemp(prefix="wellboard-pg-")))
    try:
        postgres.create()
        yield postgres
    finally:
        postgres.destroy()


@pytest.fixture(scope="module")
def queue_db(
    server: PrivatePostgres, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[QueueDatabase]:
    queue = QueueDatabase(server.url, tmp_path_factory.mktemp("restart"))
    queue.migrate()
    yield queue
    queue.stop_workers()


@pytest.fixture
def queue(queue_db: QueueDatabase, server: PrivatePostgres) -> Iterator[QueueDatabase]:
    queue_db.reset()
    yield queue_db
    queue_db.stop_workers()


def _events(queue: QueueDatabase, key: str) -> list[tuple[str, int]]:
    return [(row.event, row.attempt) for row in queue.rows() if row.key == key]


def test_the_worker_survives_a_postgresql_restart(
    queue: QueueDatabase, server: PrivatePostgres
) -> None:
    worker = queue.start_worker()
    [[during]] = queue.probe(("enqueue-rows", "1", "during-", "0", "4"))
    queue.wait_until("the task has started", lambda: bool(_events(queue, "during-0")))

    server.restart()  # while the task holds, and the heartbeat thread beats

    # The task's connection died with the server: it goes back in the queue and runs
    # once more to completion; the worker reconnects instead of exiting.
    queue.wait_until("the task is marked done", lambda: queue.statuses()[during][0] == "SUCCESSFUL")
    assert _events(queue, "during-0") == [("started", 1), ("started", 2), ("done", 2)]
    assert worker.alive()

    [[after]] = queue.probe(("enqueue-rows", "1", "after-"))
    queue.wait_until("a new task is done", lambda: queue.statuses()[after][0] == "SUCCESSFUL")
    assert _events(queue, "after-0") == [("started", 1), ("done", 1)]
    assert "Database unavailable" in worker.output()
    worker.signal(signal.SIGTERM)
    assert worker.wait(timeout=30) == 0


def test_healthz_answers_503_while_the_database_is_down(
    queue: QueueDatabase, server: PrivatePostgres
) -> None:
    worker = queue.start_worker()
    queue.wait_until("the worker beats", lambda: queue.live_heartbeats() == 1)
    assert queue.probe(("healthz",)) == [{"status": 200, "body": "ok"}]
    server.stop()
    try:
        assert queue.probe(("healthz",)) == [{"status": 503, "body": "database unavailable"}]
        assert worker.alive()
    finally:
        server.start()
    queue.wait_until(
        "healthz is ok again", lambda: queue.probe(("healthz",))[0]["status"] == 200, timeout=90
    )
    assert worker.alive()
