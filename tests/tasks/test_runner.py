"""The background task runner: queue, claim once, run, record the outcome."""

from __future__ import annotations

import io
import time

import pytest
from django.core.management import call_command

from tests.factories import PartnershipFactory, UserFactory
from wellboard.tasks.models import Task
from wellboard.tasks.registry import ProgressFn, TaskError, TaskResult, register
from wellboard.tasks.runner import THREAD, WORKER, claim, enqueue, run_queued, run_task

pytestmark = pytest.mark.django_db
seen_progress: list[int] = []


@register("test.echo")
def echo(task: Task, progress: ProgressFn) -> TaskResult:
    progress(40, "Half way")
    seen_progress.append(Task.objects.get(pk=task.pk).progress)
    text = str(task.params.get("text", ""))
    return TaskResult("echo.txt", "text/plain", text.encode())


@register("test.refuse")
def refuse(task: Task, progress: ProgressFn) -> None:
    raise TaskError("The file has no table in it.\nSecond line never shown.")


@register("test.crash")
def crash(task: Task, progress: ProgressFn) -> None:
    raise RuntimeError("secret internals /etc/passwd")


def test_a_task_runs_to_done_with_its_result() -> None:
    task = enqueue(kind="test.echo", params={"text": "hello"}, mode=WORKER)
    assert task.status == Task.Status.QUEUED
    assert run_task(task)
    task.refresh_from_db()
    assert task.status == Task.Status.DONE
    assert task.progress == 100
    assert bytes(task.result or b"") == b"hello"
    assert task.result_name == "echo.txt"
    assert task.started_at is not None and task.finished_at is not None
    assert seen_progress[-1] == 40  # progress was saved while the handler ran


def test_a_task_error_is_shown_as_its_first_line() -> None:
    task = enqueue(kind="test.refuse", params={}, mode=WORKER)
    run_task(task)
    task.refresh_from_db()
    assert task.status == Task.Status.FAILED
    assert task.message == "The file has no table in it."
    assert not task.has_result


def test_an_unexpected_error_hides_its_details(caplog: pytest.LogCaptureFixture) -> None:
    task = enqueue(kind="test.crash", params={}, mode=WORKER)
    run_task(task)
    task.refresh_from_db()
    assert task.status == Task.Status.FAILED
    assert "passwd" not in task.message
    assert "failed unexpectedly" in task.message
    assert "secret internals" in caplog.text  # but the administrator can find it


def test_a_task_is_claimed_only_once() -> None:
    task = enqueue(kind="test.echo", params={}, mode=WORKER)
    other = Task.objects.get(pk=task.pk)
    assert claim(task)
    assert not claim(other)
    assert not run_task(other)


def test_unknown_kinds_are_refused_when_queued() -> None:
    with pytest.raises(TaskError, match="No handler"):
        enqueue(kind="test.nothing", params={}, mode=WORKER)
    assert not Task.objects.exists()


def test_run_queued_runs_oldest_first_and_the_worker_command() -> None:
    first = enqueue(kind="test.echo", params={"text": "1"}, mode=WORKER)
    second = enqueue(kind="test.echo", params={"text": "2"}, mode=WORKER)
    assert run_queued(limit=1) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Task.Status.DONE, Task.Status.QUEUED)
    out = io.StringIO()
    call_command("worker", "--once", stdout=out)
    assert "Ran 1 task." in out.getvalue()
    second.refresh_from_db()
    assert second.status == Task.Status.DONE


def test_worker_mode_leaves_the_task_queued(
    django_capture_on_commit_callbacks: object,
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:  # type: ignore[operator]
        enqueue(kind="test.echo", params={}, mode=WORKER)
    assert callbacks == []


@pytest.mark.django_db(transaction=True)
def test_thread_mode_runs_after_commit() -> None:
    user = UserFactory()
    task = enqueue(
        kind="test.echo",
        params={"text": "threaded"},
        mode=THREAD,
        user=user,
        partnership=PartnershipFactory(),
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        task.refresh_from_db()
        if task.finished:
            break
        time.sleep(0.1)
    assert task.status == Task.Status.DONE
    assert bytes(task.result or b"") == b"threaded"
