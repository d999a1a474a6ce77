"""Leases in one process: which running tasks are put back, and which are left alone.

The same rules are exercised with real worker processes killed by SIGKILL in
test_worker_processes.py.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.tasks import sample_tasks
from wellboard.tasks import leases
from wellboard.tasks.background import start
from wellboard.tasks.models import BackgroundTask, WorkerHeartbeat
from wellboard.tasks.status import TaskStatus
from wellboard.tasks.worker import Outcome, Worker

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def short_lease(settings: Any) -> None:
    settings.WELLBOARD_WORKER_LEASE_SECONDS = 10


def _running(*, worker_ids: list[str], started_seconds_ago: float) -> DBTaskResult:
    job = start(sample_tasks.echo, title="Echo", text="x")
    DBTaskResult.objects.filter(pk=job.task_result_id).update(
        status=TaskStatus.RUNNING,
        worker_ids=worker_ids,
        started_at=timezone.now() - timedelta(seconds=started_seconds_ago),
    )
    return DBTaskResult.objects.get(pk=job.task_result_id)


def _heartbeat(worker_id: str, task: DBTaskResult | None, seen_seconds_ago: float) -> None:
    WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        hostname="host",
        pid=1,
        seen_at=timezone.now() - timedelta(seconds=seen_seconds_ago),
        task_result_id=task.pk if task else None,
    )


def _status(task: DBTaskResult) -> str:
    return str(DBTaskResult.objects.get(pk=task.pk).status)


def test_a_task_whose_worker_stopped_beating_goes_back_in_the_queue() -> None:
    task = _running(worker_ids=["dead"], started_seconds_ago=60)
    _heartbeat("dead", task, seen_seconds_ago=30)
    assert leases.recover_stale_tasks() == 1
    task.refresh_from_db()
    assert (task.status, task.worker_ids) == (TaskStatus.READY, ["dead"])  # attempts kept


def test_a_task_with_no_heartbeat_at_all_goes_back_in_the_queue() -> None:
    task = _running(worker_ids=["unknown"], started_seconds_ago=60)
    assert leases.recover_stale_tasks() == 1
    assert _status(task) == TaskStatus.READY


def test_a_task_whose_live_worker_runs_it_is_left_alone() -> None:
    task = _running(worker_ids=["alive"], started_seconds_ago=600)
    _heartbeat("alive", task, seen_seconds_ago=1)
    assert leases.recover_stale_tasks() == 0
    assert _status(task) == TaskStatus.RUNNING


def test_a_live_worker_that_moved_on_loses_the_task_it_forgot() -> None:
    task = _running(worker_ids=["alive"], started_seconds_ago=60)
    _heartbeat("alive", None, seen_seconds_ago=1)
    assert leases.recover_stale_tasks() == 1
    assert _status(task) == TaskStatus.READY


def test_a_claim_younger_than_a_lease_is_left_alone() -> None:
    task = _running(worker_ids=["starting"], started_seconds_ago=2)
    assert leases.recover_stale_tasks() == 0
    assert _status(task) == TaskStatus.RUNNING


def test_a_task_that_keeps_killing_its_worker_fails_after_max_attempts() -> None:
    task = _running(worker_ids=["a", "b", "c"], started_seconds_ago=60)
    assert leases.recover_stale_tasks() == 1
    task.refresh_from_db()
    assert task.status == TaskStatus.FAILED
    assert task.exception_class_path == leases.WORKER_LOST
    job = BackgroundTask.objects.get(task_result=task)
    assert job.message.startswith("The task stopped 3 times without finishing")


def test_a_worker_that_lost_its_claim_writes_nothing() -> None:
    start(sample_tasks.echo, title="Echo", text="x")
    worker = Worker(worker_id="slow")
    leases.register("slow")
    claimed = worker._claim()
    assert claimed is not None
    # Another worker took the task over and claimed it again meanwhile.
    DBTaskResult.objects.filter(pk=claimed.pk).update(
        started_at=timezone.now() + timedelta(seconds=1), worker_ids=["slow", "other"]
    )
    worker._record(Outcome(claimed, return_value="late"))
    task = DBTaskResult.objects.get(pk=claimed.pk)
    assert (task.status, task.return_value) == (TaskStatus.RUNNING, None)
    assert WorkerHeartbeat.objects.get(pk="slow").task_result_id is None


def test_the_claim_and_the_heartbeat_name_the_same_task() -> None:
    job = start(sample_tasks.echo, title="Echo", text="x")
    leases.register("w1")
    claimed = Worker(worker_id="w1")._claim()
    assert claimed is not None and claimed.pk == job.task_result_id
    assert WorkerHeartbeat.objects.get(pk="w1").task_result_id == claimed.pk
    assert leases.live_workers() == {"w1": claimed.pk}


def test_heartbeats_of_workers_gone_for_a_day_are_forgotten() -> None:
    _heartbeat("old", None, seen_seconds_ago=2 * 86400)
    _heartbeat("recent", None, seen_seconds_ago=60)
    assert leases.forget_dead_workers() == 1
    assert list(WorkerHeartbeat.objects.values_list("pk", flat=True)) == ["recent"]


def test_a_task_that_lost_the_database_goes_back_in_the_queue() -> None:
    start(sample_tasks.echo, title="Echo", text="x")
    worker = Worker(worker_id="cut-off")
    leases.register("cut-off")
    claimed = worker._claim()
    assert claimed is not None
    worker._record(Outcome(claimed, database_lost=True))
    task = DBTaskResult.objects.get(pk=claimed.pk)
    assert (task.status, task.worker_ids) == (TaskStatus.READY, ["cut-off"])
    assert worker.run_pending() == 1  # and it runs again, as attempt 2
    task.refresh_from_db()
    assert (task.status, task.worker_ids) == (TaskStatus.SUCCESSFUL, ["cut-off", "cut-off"])
    job = BackgroundTask.objects.get(task_result=task)
    assert (job.progress, job.message) == (100, "Half way")
