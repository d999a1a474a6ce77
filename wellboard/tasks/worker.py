"""The worker: claims queued tasks one at a time and runs them, until told to stop.

It replaces django-tasks-db's `db_worker` loop (whose claim and task model it reuses)
with one that a council's server can leave running unattended:

- a lost database (a restart, a network blip) is waited out with growing pauses, never
  a reason to exit; an outcome that could not be written is kept and written once the
  database is back, and a task that failed only because the database went away is put
  back in the queue;
- SIGTERM or Ctrl+C lets the task being run finish, records it, and exits (a second
  signal stops at once; the task is then run again elsewhere, see leases.py);
- a heartbeat thread keeps this worker's lease, and every few seconds the worker puts
  back tasks whose own worker died (leases.py);
- between tasks it runs the periodic jobs that are due (periodic.py).
"""

from __future__ import annotations

import logging
import math
import os
import signal
import socket
import threading
import time
from dataclasses import dataclass, field
from traceback import format_exception
from types import FrameType
from typing import Any

from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.compat import TaskContext, normalize_json, task_finished, task_started
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from wellboard.tasks import leases
from wellboard.tasks.periodic import PeriodicJobs, periodic_jobs
from wellboard.tasks.status import TaskStatus

logger = logging.getLogger(__name__)

LOST_DATABASE = (OperationalError, InterfaceError)
MAX_PAUSE = 15.0
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


@dataclass
class Outcome:
    """What running a claimed task came to, kept until it has been written."""

    db_result: DBTaskResult
    return_value: Any = None
    error: BaseException | None = None
    database_lost: bool = False
    details: dict[str, Any] = field(default_factory=dict)


def new_worker_id() -> str:
    return f"{socket.gethostname()[:30]}-{os.getpid()}-{get_random_string(8)}"


class Worker:
    def __init__(
        self,
        *,
        worker_id: str | None = None,
        interval: float = 1.0,
        queue_names: tuple[str, ...] = ("default",),
        backend_name: str = "default",
        periodic: PeriodicJobs = periodic_jobs,
    ) -> None:
        self.worker_id = worker_id or new_worker_id()
        self.interval = interval
        self.queue_names = queue_names
        self.backend_name = backend_name
        self.periodic = periodic
        self.stopping = threading.Event()
        self.ran = 0
        self._pending: Outcome | None = None
        self._last_housekeeping = -math.inf
        self._settle_until = 0.0

    # -- the loops -------------------------------------------------------------------

    def run_forever(self) -> None:
        """The `wellboard worker` loop: signals, heartbeat thread, reconnects."""
        self._install_signal_handlers()
        heartbeat = threading.Thread(target=self._beat_until_stopped, daemon=True)
        pause = self.interval
        registered = False
        try:
            while not self.stopping.is_set():
                try:
                    if not registered:
                        leases.register(self.worker_id)
                        registered = True
                        heartbeat.start()
                        logger.info("Worker %s waiting for tasks", self.worker_id)
                    busy = self.step()
                    pause = self.interval
                except LOST_DATABASE as exc:
                    if _locked(exc):  # SQLite: another writer; try again shortly
                        self.stopping.wait(self.interval)
                        continue
                    pause = min(MAX_PAUSE, max(pause * 2, 0.5))
                    logger.warning(
                        "Database unavailable (%s); retrying in %.1f s", _first_line(exc), pause
                    )
                    self._lost_database()
                    self.stopping.wait(pause)
                    continue
                except Exception:
                    # Unattended on a server: a bug in one pass must not end the worker.
                    logger.exception("Worker pass failed; carrying on")
                    self._abandon_pending()
                    pause = min(MAX_PAUSE, max(pause * 2, 0.5))
                    self.stopping.wait(pause)
                    continue
                if not busy:
                    self.stopping.wait(self.interval)
        finally:
            self.stopping.set()
            if registered:
                self._unregister()
        logger.info("Worker %s stopped after %d tasks", self.worker_id, self.ran)

    def run_pending(self, *, handle_signals: bool = False) -> int:
        """Run what is queued now, in this process, then return how many tasks ran."""
        previous = self._install_signal_handlers() if handle_signals else {}
        leases.register(self.worker_id)
        try:
            while not self.stopping.is_set() and self.step(idle_work=False):
                pass
        finally:
            leases.unregister(self.worker_id)
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        return self.ran

    def step(self, *, idle_work: bool = True) -> bool:
        """One pass: finish writing, claim and run one task; True if a task ran."""
        if self._pending is not None:
            self._record(self._pending)
            self._pending = None
        db_result = self._claim()
        if db_result is None:
            if idle_work:
                self._idle_work()
            return False
        self._pending = self._execute(db_result)
        self._record(self._pending)
        self._pending = None
        self.ran += 1
        return True

    # -- claiming, running, recording ------------------------------------------------

    def _claim(self) -> DBTaskResult | None:
        tasks = DBTaskResult.objects.ready().filter(
            backend_name=self.backend_name, queue_name__in=self.queue_names
        )
        with exclusive_transaction(tasks.db):
            db_result = tasks.get_locked()
            if db_result is not None:
                db_result.claim(self.worker_id)
                leases.set_running(self.worker_id, db_result.pk)
        return db_result

    def _execute(self, db_result: DBTaskResult) -> Outcome:
        try:
            task = db_result.task
            task_result = db_result.task_result
            task_started.send(sender=type(task.get_backend()), task_result=task_result)
            if task.takes_context:
                value = task.call(
                    TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs
                )
            else:
                value = task.call(*task_result.args, **task_result.kwargs)
            return Outcome(db_result, return_value=normalize_json(value))
        except Exception as exc:
            return Outcome(db_result, error=exc, database_lost=_database_lost(exc))

    def _record(self, outcome: Outcome) -> None:
        """Write the outcome, only if this worker still holds the claim."""
        db_result = outcome.db_result
        with transaction.atomic():
            if outcome.database_lost:
                state = leases.put_back(db_result, "the database went away")
            elif outcome.error is None:
                updated = leases.claimed(db_result).update(
                    status=TaskStatus.SUCCESSFUL,
                    finished_at=timezone.now(),
                    return_value=outcome.return_value,
                    exception_class_path="",
                    traceback="",
                )
                state = "successful" if updated else "gone"
            else:
                error = outcome.error
                updated = leases.claimed(db_result).update(
                    status=TaskStatus.FAILED,
                    finished_at=timezone.now(),
                    exception_class_path=f"{type(error).__module__}.{type(error).__qualname__}",
                    traceback="".join(format_exception(error)),
                )
                state = "failed" if updated else "gone"
            leases.set_running(self.worker_id, None)
        if state == "gone":
            logger.warning("Task %s was taken over while this worker ran it", db_result.pk)
            return
        self._send_finished(db_result)

    def _abandon_pending(self) -> None:
        """Give up an outcome that cannot be written: the lease puts its task back."""
        if self._pending is None:
            return
        self._pending = None
        try:
            leases.set_running(self.worker_id, None)
        except DatabaseError:
            logger.warning("Could not release the task of worker %s", self.worker_id)

    def _send_finished(self, db_result: DBTaskResult) -> None:
        try:
            fresh = DBTaskResult.objects.get(pk=db_result.pk)
            task_finished.send(sender=type(fresh.task.get_backend()), task_result=fresh.task_result)
        except (ImportError, DBTaskResult.DoesNotExist):
            logger.exception("Task %s finished but cannot be reported", db_result.pk)

    # -- between tasks ---------------------------------------------------------------

    def _idle_work(self) -> None:
        """Every heartbeat interval: take back dead workers' tasks, run due periodic jobs."""
        now = time.monotonic()
        if now - self._last_housekeeping < leases.heartbeat_seconds():
            return
        self._last_housekeeping = now
        if now >= self._settle_until:
            leases.recover_stale_tasks()
            leases.forget_dead_workers()
        self.periodic.run_due()

    def _beat_until_stopped(self) -> None:
        """The heartbeat thread: its own connection, never fatal to the worker."""
        failing = False
        while not self.stopping.wait(leases.heartbeat_seconds()):
            try:
                leases.beat(self.worker_id)
            except DatabaseError as exc:
                if not failing:
                    logger.warning("Heartbeat failed (%s); retrying", _first_line(exc))
                failing = True
                _close_connection()
            else:
                failing = False
        _close_connection()

    def _unregister(self) -> None:
        try:
            leases.unregister(self.worker_id)
        except DatabaseError:
            logger.warning("Could not remove the heartbeat of worker %s", self.worker_id)

    def _lost_database(self) -> None:
        """Drop the broken connection. Every heartbeat is old after an outage: give the
        other workers a lease to reconnect and beat again before judging their tasks."""
        self._settle_until = time.monotonic() + leases.lease_seconds()
        _close_connection()

    # -- signals ---------------------------------------------------------------------

    def _install_signal_handlers(self) -> dict[int, Any]:
        """Catch SIGTERM and SIGINT; returns the handlers they had."""
        return {signum: signal.signal(signum, self._stop) for signum in STOP_SIGNALS}

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        logger.warning(
            "Received %s: finishing the current task, then stopping (send it again to stop now)",
            signal.Signals(signum).name,
        )
        self.stopping.set()
        # A second signal is not caught: it ends the process at once.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _locked(exc: BaseException) -> bool:
    """SQLite's "database is locked": another writer, not a lost database."""
    return isinstance(exc, OperationalError) and is_locked_database_exception(exc)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _close_connection() -> None:
    """Forget this thread's broken connection so that the next query opens a new one."""
    try:
        connection.close()
    except DatabaseError:
        connection.connection = None


def _database_lost(exc: BaseException) -> bool:
    if not isinstance(exc, LOST_DATABASE) or _locked(exc):
        return False
    try:
        return not connection.is_usable()
    except DatabaseError:
        return True


def run_pending() -> int:
    """Run the queued tasks here and now (tests, `wellboard worker --once`)."""
    return Worker().run_pending()
