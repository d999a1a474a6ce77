"""Real worker processes against a database of their own, for the queue's behaviour tests.

A `QueueDatabase` is a migrated database (a SQLite file, a fresh database on the shared
PostgreSQL server, or a private PostgreSQL server the tests may restart) that worker
processes, the `queue_probe` helper and the test itself all reach: workers run
`python -m wellboard.cli worker`, and the test reads the rows the sample tasks write
with the database's own driver. Not a test module.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

from tests.tasks.sample_tasks import ROWS_TABLE

ROOT = Path(__file__).resolve().parents[2]
LEASE_SECONDS = 3.0
# Only a guard against a hung child: migrating a fresh database takes a few seconds alone,
# but minutes on a shared machine under load while the suite runs in parallel.
CHILD_TIMEOUT = 600.0
PG_BIN = Path("/usr/lib/postgresql/15/bin")


@dataclass(frozen=True)
class Row:
    key: str
    event: str
    pid: int
    attempt: int


@dataclass(frozen=True)
class QueuedTask:
    status: str
    attempts: int
    traceback: str
    message: str | None


@dataclass
class WorkerProcess:
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def signal(self, signum: int) -> None:
        self.process.send_signal(signum)

    def wait(self, timeout: float) -> int:
        return self.process.wait(timeout=timeout)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


@dataclass
class QueueDatabase:
    url: str
    workdir: Path
    workers: list[WorkerProcess] = field(default_factory=list)

    def env(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "PYTEST_", "WELLBOARD_"))
        }
        env.update(
            DATABASE_URL=self.url,
            DJANGO_SETTINGS_MODULE="wellboard.settings",
            WELLBOARD_ALLOW_INSECURE_KEY="true",
            WELLBOARD_WORKER_LEASE_SECONDS=str(LEASE_SECONDS),
            PYTHONPATH=str(ROOT),
            LOG_LEVEL="WARNING",
        )
        return env

    def run(self, *args: str, timeout: float = CHILD_TIMEOUT) -> str:
        done = subprocess.run(
            [sys.executable, *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(f"{args} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def migrate(self) -> None:
        self.run("-m", "wellboard.cli", "migrate", "--no-input", "-v", "0")
        ident = "INTEGER PRIMARY KEY" if self.url.startswith("sqlite:") else "SERIAL PRIMARY KEY"
        self.execute(
            f"CREATE TABLE {ROWS_TABLE} (id {ident}, task_key VARCHAR(100) NOT NULL, "
            "event VARCHAR(10) NOT NULL, pid INTEGER NOT NULL, attempt INTEGER NOT NULL)"
        )

    def reset(self) -> None:
        """Empty the queue between tests (children before the rows they point to)."""
        for table in (
            "tasks_backgroundtask",
            "django_tasks_database_dbtaskresult",
            "tasks_workerheartbeat",
            ROWS_TABLE,
        ):
            self.execute(f"DELETE FROM {table}")

    def probe(self, *commands: tuple[str, ...]) -> list[Any]:
        """Run queue_probe commands in one process (starting Django takes seconds)."""
        output = self.run("-m", "tests.tasks.queue_probe", json.dumps(commands))
        return list(json.loads(output.strip()))

    def start_worker(self) -> WorkerProcess:
        log = self.workdir / f"worker-{len(self.workers) + 1}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "wellboard.cli", "worker", "--interval", "0.1"],
                cwd=ROOT,
                env=self.env(),
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        worker = WorkerProcess(process, log)
        self.workers.append(worker)
        return worker

    def stop_workers(self) -> None:
        """Kill what a test left running (only the processes these tests started)."""
        for worker in self.workers:
            if worker.alive():
                worker.signal(signal.SIGKILL)
                worker.wait(timeout=10)
        self.workers.clear()

    def logs(self) -> str:
        return "\n".join(f"--- worker {w.pid}:\n{w.output()[-3000:]}" for w in self.workers)

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        if self.url.startswith("sqlite:"):
            conn = sqlite3.connect(self.url.removeprefix("sqlite:///"), timeout=30)
            try:
                return list(conn.execute(sql).fetchall())
            finally:
                conn.close()
        with psycopg.connect(self.url, autocommit=True, connect_timeout=5) as pg:
            return list(pg.execute(sql).fetchall())  # type: ignore[arg-type]

    def execute(self, sql: str) -> None:
        if self.url.startswith("sqlite:"):
            conn = sqlite3.connect(self.url.removeprefix("sqlite:///"), timeout=30)
            try:
                with conn:
                    conn.execute(sql)
            finally:
                conn.close()
            return
        with psycopg.connect(self.url, autocommit=True, connect_timeout=5) as pg:
            pg.execute(sql)  # type: ignore[arg-type]

    def rows(self) -> list[Row]:
        sql = f"SELECT task_key, event, pid, attempt FROM {ROWS_TABLE} ORDER BY id"
        return [Row(*values) for values in self.query(sql)]

    def statuses(self) -> dict[str, tuple[str, int]]:
        """Task id -> (status, attempts), read straight from the queue's table."""
        return {task_id: (s.status, s.attempts) for task_id, s in self.tasks().items()}

    def tasks(self) -> dict[str, QueuedTask]:
        sql = (
            "SELECT r.id, r.status, r.worker_ids, r.traceback, b.message "
            "FROM django_tasks_database_dbtaskresult r "
            "LEFT JOIN tasks_backgroundtask b ON b.task_result_id = r.id"
        )
        found = {}
        for task_id, status, worker_ids, traceback, message in self.query(sql):
            ids = json.loads(worker_ids) if isinstance(worker_ids, str) else worker_ids
            key = str(uuid.UUID(str(task_id)))
            found[key] = QueuedTask(status, len(ids), traceback, message)
        return found

    def finished(self) -> bool:
        return all(s in ("FAILED", "SUCCESSFUL") for s, _ in self.statuses().values())

    def live_heartbeats(self) -> int:
        return len(self.query("SELECT worker_id FROM tasks_workerheartbeat"))

    def wait_until(self, what: str, check: Callable[[], bool], timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if check():
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting until {what}\n{self.logs()}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def shared_postgres_database(settings_dict: dict[str, Any]) -> Iterator[str]:
    """A fresh database on the suite's PostgreSQL server, dropped afterwards."""
    name = f"wb_queue_{os.getpid()}"
    server = {
        "host": settings_dict.get("HOST") or "127.0.0.1",
        "port": settings_dict.get("PORT") or 5432,
        "user": settings_dict.get("USER") or "root",
    }
    password = settings_dict.get("PASSWORD") or ""
    admin = f"postgresql://{server['user']}@{server['host']}:{server['port']}/postgres"
    with psycopg.connect(admin, password=password or None, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    auth = f"{server['user']}:{password}" if password else server["user"]
    try:
        yield f"postgres://{auth}@{server['host']}:{server['port']}/{name}"
    finally:
        with psycopg.connect(admin, password=password or None, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextmanager
def migrated_database(settings_dict: dict[str, Any], workdir: Path) -> Iterator[QueueDatabase]:
    """A migrated database of its own that separate processes reach: a fresh database on the
    suite's PostgreSQL server, or a file beside the test's files on SQLite."""
    if settings_dict["ENGINE"].endswith("postgresql"):
        with shared_postgres_database(settings_dict) as url:
            database = QueueDatabase(url, workdir)
            database.migrate()
            yield database
    else:
        database = QueueDatabase(f"sqlite:///{workdir / 'shared.sqlite3'}", workdir)
        database.migrate()
        yield database


class PrivatePostgres:
    """A throwaway PostgreSQL server in a temporary folder, which tests may restart.

    Never the shared server on port 5432: other engineers' tests run on that one.
    Run as the `postgres` user when the tests run as root (PostgreSQL refuses root).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.url = f"postgres://root@127.0.0.1:{self.port}/wellboard"

    @staticmethod
    def available() -> bool:
        return (PG_BIN / "initdb").exists() and (PG_BIN / "pg_ctl").exists()

    def _run(self, *args: str) -> None:
        command = [str(PG_BIN / args[0]), *args[1:]]
        if os.geteuid() == 0:
            if shutil.which("runuser") is None:
                raise RuntimeError("runuser is needed to run PostgreSQL as the postgres user")
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=CHILD_TIMEOUT)

    def create(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, user="postgres")
        self._run("initdb", "-D", str(self.data), "-U", "root", "--auth=trust", "--no-sync")
        self.start()
        with psycopg.connect(self.url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE wellboard")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.folder / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-l", log, "-w", "-o", options, "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-m", mode, "stop")

    def restart(self) -> None:
        self.stop()
        self.start()

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)
