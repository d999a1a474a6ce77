"""The queue's promises, kept by real `wellboard worker` processes.

They run against a database of their own on this run's engine: a fresh database on the
PostgreSQL server when DATABASE_URL names one, else a SQLite file. Leases are 3 s here
(30 s in production) so that a killed worker's task comes back quickly.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator

import pytest
from django.conf import settings

from tests.tasks.processes import LEASE_SECONDS, QueueDatabase, migrated_database
from wellboard.tasks.models import UNEXPECTED


@pytest.fixture(scope="module")
def queue_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[QueueDatabase]:
    workdir = tmp_path_factory.mktemp("queue")
    with migrated_database(settings.DATABASES["default"], workdir) as queue:
        yield queue
        queue.stop_workers()


@pytest.fixture
def queue(queue_db: QueueDatabase) -> Iterator[QueueDatabase]:
    queue_db.reset()
    yield queue_db
    queue_db.stop_workers()


def _events(queue: QueueDatabase, key: str) -> list[tuple[str, int]]:
    return [(row.event, row.attempt) for row in queue.rows() if row.key == key]


def test_a_task_that_raises_is_failed_with_its_first_line(queue: QueueDatabase) -> None:
    worker = queue.start_worker()
    refused, crashed, [after] = queue.probe(
        ("start", "refuse"), ("start", "crash"), ("enqueue-rows", "1", "after-")
    )
    queue.wait_until("all three tasks have finished", queue.finished)
    tasks = queue.tasks()
    assert (tasks[refused].status, tasks[refused].message) == (
        "FAILED",
        "The file has no table in it.",
    )
    assert (tasks[crashed].status, tasks[crashed].message) == ("FAILED", UNEXPECTED)
    assert "secret internals" in tasks[crashed].traceback  # for the administrator only
    assert tasks[after].status == "SUCCESSFUL"  # the worker carried on
    assert worker.alive()


def test_sigterm_lets_the_current_task_finish_then_exits(queue: QueueDatabase) -> None:
    worker = queue.start_worker()
    [long], [waiting] = queue.probe(
        ("enqueue-rows", "1", "long-", "3"), ("enqueue-rows", "1", "next-")
    )
    queue.wait_until("the long task has started", lambda: bool(_events(queue, "long-0")))
    worker.signal(signal.SIGTERM)
    assert worker.wait(timeout=60) == 0
    assert _events(queue, "long-0") == [("started", 1), ("done", 1)]
    assert _events(queue, "next-0") == []
    statuses = queue.statuses()
    assert statuses[long] == ("SUCCESSFUL", 1)
    assert statuses[waiting] == ("READY", 0)  # left for the next worker
    assert queue.live_heartbeats() == 0
    assert "finishing the current task" in worker.output()


def test_a_killed_workers_task_is_run_again_exactly_once(queue: QueueDatabase) -> None:
    first = queue.start_worker()
    [[task]] = queue.probe(("enqueue-rows", "1", "killed-", "0", "600"))  # attempt 1 hangs
    queue.wait_until("the task has started", lambda: bool(_events(queue, "killed-0")))
    second = queue.start_worker()
    queue.wait_until("both workers beat", lambda: queue.live_heartbeats() == 2)
    # Several leases pass: the first worker is alive and keeps its task.
    time.sleep(LEASE_SECONDS * 2.5)
    assert _events(queue, "killed-0") == [("started", 1)]
    assert queue.statuses()[task] == ("RUNNING", 1)

    first.signal(signal.SIGKILL)
    first.wait(timeout=10)
    queue.wait_until("the task is marked done", lambda: queue.statuses()[task][0] == "SUCCESSFUL")
    time.sleep(LEASE_SECONDS * 1.5)  # and nothing runs it a third time
    assert _events(queue, "killed-0") == [("started", 1), ("started", 2), ("done", 2)]
    assert {row.pid for row in queue.rows() if row.attempt == 2} == {second.pid}
    assert queue.statuses()[task] == ("SUCCESSFUL", 2)

    second.signal(signal.SIGTERM)  # idle: it stops at once
    assert second.wait(timeout=10) == 0


def test_several_workers_never_run_one_task_twice(queue: QueueDatabase) -> None:
    workers = [queue.start_worker() for _ in range(3)]
    queue.wait_until("three workers beat", lambda: queue.live_heartbeats() == 3)
    [ids] = queue.probe(("enqueue-rows", "50", "many-", "0.1"))
    queue.wait_until("all 50 tasks are marked done", queue.finished, timeout=180)
    rows = queue.rows()
    keys = sorted(f"many-{number}" for number in range(50))
    assert sorted(row.key for row in rows if row.event == "done") == keys
    assert sorted(row.key for row in rows if row.event == "started") == keys
    assert set(queue.statuses()) == set(ids)
    assert set(queue.statuses().values()) == {("SUCCESSFUL", 1)}
    assert len({row.pid for row in rows}) >= 2  # the work really was shared
    for worker in workers:
        worker.signal(signal.SIGTERM)
    assert [worker.wait(timeout=30) for worker in workers] == [0, 0, 0]
