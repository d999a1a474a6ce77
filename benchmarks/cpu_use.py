"""CPU seconds spent by the processes serving a benchmark, read from /proc (Linux).

The machine the benchmarks run on is shared, so wall-clock latencies there say as much
about other people's work as about Wellboard's. CPU time does not: what the gunicorn
processes, the PostgreSQL backends serving the benchmark's database and the load
generator spent, divided by the requests served, is the cost of a request, and the 2-core
budget (2,000 ms of CPU a second) over the arrival rate says what it may be.

A PostgreSQL backend is a process of its own per connection; with persistent connections
(CONN_MAX_AGE) each server thread keeps one for the whole run, so reading each backend's
counters before and after counts the database's work. A backend that opened during the
run counts from zero; one that closed during it is lost (none do with persistent
connections), so the figure is, if anything, low.
"""

from __future__ import annotations

import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def process_seconds(pid: int) -> float:
    """User + system CPU seconds of one process so far (0 if it is gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    # The command name (field 2) may hold spaces: fields are counted after its ")".
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def descendants(pid: int) -> list[int]:
    """The process and every process below it (gunicorn's master and its workers)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def database_backends(url: str, database: str) -> list[int]:
    """Process ids of the PostgreSQL backends connected to `database` (not this query's)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            (database,),
        ).fetchall()
    return [int(pid) for (pid,) in rows]


class CpuMeter:
    """CPU seconds of a process tree and of a database's backends between start and stop."""

    def __init__(self, server_pid: int, postgres_url: str | None, database: str | None) -> None:
        self.server_pid = server_pid
        self.postgres_url = postgres_url
        self.database = database
        self.server_before: dict[int, float] = {}
        self.database_before: dict[int, float] = {}

    def _server(self) -> dict[int, float]:
        return {pid: process_seconds(pid) for pid in descendants(self.server_pid)}

    def _database(self) -> dict[int, float]:
        if not (self.postgres_url and self.database):
            return {}
        pids = database_backends(self.postgres_url, self.database)
        return {pid: process_seconds(pid) for pid in pids}

    def start(self) -> None:
        self.server_before = self._server()
        self.database_before = self._database()

    def stop(self) -> tuple[float, float]:
        """(server seconds, database seconds) since start."""
        return (
            _spent(self.server_before, self._server()),
            _spent(self.database_before, self._database()),
        )


def _spent(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


def load_average() -> str:
    """/proc/loadavg's three figures, to print beside every CPU figure."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} {five:.1f} {fifteen:.1f} on {os.cpu_count()} CPUs"
