"""Queueing a task with a progress page, and running it in this process."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests.factories import PartnershipFactory, UserFactory
from tests.tasks import sample_tasks
from wellboard.tasks.background import start
from wellboard.tasks.models import UNEXPECTED, BackgroundTask, WorkerHeartbeat
from wellboard.tasks.status import TaskStatus
from wellboard.tasks.worker import run_pending

pytestmark = pytest.mark.django_db


def _job(pk: int) -> BackgroundTask:
    return BackgroundTask.objects.select_related("task_result").get(pk=pk)


def test_start_queues_the_task_and_its_row_together() -> None:
    user, partnership = UserFactory(), PartnershipFactory()
    job = start(
        sample_tasks.echo,
        title="Echo",
        user=user,
        partnership=partnership,
        back_url="/somewhere/",
        text="hello",
    )
    job = _job(job.pk)
    assert (job.status, job.get_status_display(), job.finished) == ("READY", "Queued", False)
    assert job.task_result.task_path == "tests.tasks.sample_tasks.echo"
    assert job.task_result.args_kwargs == {"args": [], "kwargs": {"text": "hello"}}
    assert (job.created_by, job.partnership, job.back_url) == (user, partnership, "/somewhere/")


def test_a_task_runs_to_done_with_its_file_and_progress() -> None:
    job = start(sample_tasks.echo, title="Echo", text="hello")
    assert run_pending() == 1
    job = _job(job.pk)
    assert (job.status, job.get_status_display(), job.has_file) == ("SUCCESSFUL", "Done", True)
    assert (job.progress, job.message) == (100, "Half way")
    assert bytes(job.file_content or b"") == b"hello"
    assert (job.file_name, job.file_type) == ("echo.txt", "text/plain")
    assert job.task_result.worker_ids and job.task_result.finished_at is not None
    assert not WorkerHeartbeat.objects.exists()  # the worker said goodbye


def test_a_task_error_is_shown_as_its_first_line() -> None:
    job = start(sample_tasks.refuse, title="Refuse")
    run_pending()
    job = _job(job.pk)
    assert job.status == TaskStatus.FAILED
    assert job.shown_message == "The file has no table in it."
    assert not job.has_file
    assert job.task_result.exception_class_path == "wellboard.tasks.background.TaskError"


def test_an_unexpected_error_hides_its_details(caplog: pytest.LogCaptureFixture) -> None:
    job = start(sample_tasks.crash, title="Crash")
    run_pending()
    job = _job(job.pk)
    assert job.status == TaskStatus.FAILED
    assert job.shown_message == UNEXPECTED
    assert "passwd" not in job.message
    assert "secret internals" in job.task_result.traceback  # for the administrator
    assert "secret internals" in caplog.text


def test_tasks_run_oldest_first_and_the_worker_once_command() -> None:
    first = start(sample_tasks.echo, title="1", text="1")
    second = start(sample_tasks.echo, title="2", text="2")
    third = DBTaskResult.objects.get(
        pk=start(sample_tasks.echo, title="3", text="3").task_result_id
    )
    out = io.StringIO()
    call_command("worker", "--once", stdout=out)
    assert "Ran 3 tasks." in out.getvalue()
    finished = DBTaskResult.objects.order_by("finished_at").values_list("pk", flat=True)
    assert list(finished) == [
        _job(first.pk).task_result_id,
        _job(second.pk).task_result_id,
        third.pk,
    ]


def test_the_db_worker_name_runs_the_same_worker() -> None:
    start(sample_tasks.echo, title="Echo", text="x")
    out = io.StringIO()
    call_command("db_worker", "--once", stdout=out)
    assert "Ran 1 task." in out.getvalue()


def test_a_task_queued_without_its_row_fails_with_a_reason() -> None:
    result = sample_tasks.echo.enqueue(text="orphan")
    run_pending()
    db_result = DBTaskResult.objects.get(pk=result.id)
    assert db_result.status == TaskStatus.FAILED
    assert "queued without" in db_result.traceback
