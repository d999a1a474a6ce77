"""The periodic job registry the worker runs between tasks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from wellboard.tasks.models import PeriodicJobRun
from wellboard.tasks.periodic import PeriodicJobs
from wellboard.tasks.worker import Worker

pytestmark = pytest.mark.django_db


def _registry(calls: list[str], name: str = "test.job") -> PeriodicJobs:
    jobs = PeriodicJobs()

    @jobs.register(name, every=timedelta(minutes=5))
    def job() -> None:
        calls.append(name)

    return jobs


def test_a_job_runs_once_per_period() -> None:
    calls: list[str] = []
    jobs = _registry(calls)
    now = timezone.now()
    assert jobs.run_due(now) == ["test.job"]
    assert jobs.run_due(now + timedelta(minutes=4)) == []
    assert jobs.run_due(now + timedelta(minutes=5)) == ["test.job"]
    assert calls == ["test.job", "test.job"]
    assert PeriodicJobRun.objects.get(pk="test.job").last_run_at == now + timedelta(minutes=5)


def test_two_workers_share_one_run_per_period() -> None:
    calls: list[str] = []
    first, second = _registry(calls), _registry(calls)  # the same job in two processes
    now = timezone.now()
    assert first.run_due(now) == ["test.job"]
    assert second.run_due(now + timedelta(seconds=1)) == []
    assert calls == ["test.job"]


def test_a_failing_job_is_logged_and_does_not_stop_the_others(
    caplog: pytest.LogCaptureFixture,
) -> None:
    calls: list[str] = []
    jobs = _registry(calls, "test.later")

    @jobs.register("test.broken", every=timedelta(minutes=1))
    def broken() -> None:
        raise ValueError("no reminders table yet")

    assert jobs.run_due() == ["test.broken", "test.later"]
    assert calls == ["test.later"]
    assert "Periodic job test.broken failed" in caplog.text


def test_the_worker_runs_due_jobs_when_the_queue_is_empty() -> None:
    calls: list[str] = []
    worker = Worker(worker_id="idle", periodic=_registry(calls))
    assert worker.step() is False
    assert calls == ["test.job"]


def test_registration_refuses_bad_jobs() -> None:
    jobs = PeriodicJobs()
    with pytest.raises(ValueError, match="positive interval"):
        jobs.register("test.never", every=timedelta(0))
    with pytest.raises(ValueError, match="at most 100"):
        jobs.register("x" * 101, every=timedelta(minutes=1))
    jobs.register("test.once", every=timedelta(minutes=1))(lambda: None)
    with pytest.raises(ValueError, match="already registered"):
        jobs.register("test.once", every=timedelta(minutes=1))(lambda: None)
