"""Time `wellboard demo --scale national` alone: the dataset `make bench-load` drives.

A fresh PostgreSQL database (BENCH_DB, default wellboard_bench_national) is migrated,
then the national builder runs in this process so that three clocks can be read around
it: wall time, this process's CPU, and the CPU of the PostgreSQL backend serving it
(from /proc, when the server runs on this machine), since most of the build is the
server's work (COPY, index builds, the kept-delivery UPDATE, ANALYZE). The CPU of every
PostgreSQL process is printed too (it includes autovacuum, WAL writing and other
people's databases on a shared server). The load average is printed before and after:
the machine is shared, so read the wall time beside it.

Target (issue #17): under 120 s for 150 partnerships.
Run: make bench-national  (BENCH_SCALE=10 for a smaller run; BENCH_KEEP=1 keeps the database)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PG = os.environ.get("PG_URL", "postgres://root@127.0.0.1:5432/wellboard").rsplit("/", 1)[0]
DB = os.environ.get("BENCH_DB", "wellboard_bench_national")
SCALE = os.environ.get("BENCH_SCALE", "national")
KEEP = os.environ.get("BENCH_KEEP") == "1"
TARGET_S = 120.0


def fresh_database(drop_only: bool = False) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{DB}"')


def cpu_of(pid: int) -> float | None:
    """User + system CPU seconds of a process on this machine, or None if not visible."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def postgres_cpu() -> float:
    """CPU seconds of every PostgreSQL process alive now (and their reaped children)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                comm = (entry / "comm").read_text().strip()
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if comm.startswith("postgres"):
                ticks = sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
                total += ticks / os.sysconf("SC_CLK_TCK")
    return total


def loadavg() -> str:
    return Path("/proc/loadavg").read_text().strip()


def main() -> int:
    os.environ["DATABASE_URL"] = f"{PG}/{DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wellboard.settings")
    os.environ.setdefault("WELLBOARD_ALLOW_INSECURE_KEY", "true")
    fresh_database()
    subprocess.run([str(BIN / "wellboard"), "migrate", "--no-input", "-v0"], check=True)
    import django

    django.setup()
    from django.db import connection

    from wellboard.demo.national import NationalBuilder, scale_size

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = int(cursor.fetchone()[0])
    print(f"load average before: {loadavg()}  ({os.cpu_count()} CPUs)")
    server_before, all_before = cpu_of(backend), postgres_cpu()
    wall, cpu = time.perf_counter(), time.process_time()
    counts = NationalBuilder(scale_size(SCALE), report=print).build("bench-national")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    server_after, all_after = cpu_of(backend), postgres_cpu()
    print(f"load average after:  {loadavg()}")
    print(", ".join(f"{n:,} {what}" for what, n in counts.items()))
    print(f"build: {wall:.1f} s wall (target under {TARGET_S:.0f} s), {cpu:.1f} s CPU here")
    if server_before is not None and server_after is not None:
        print(f"PostgreSQL backend CPU: {server_after - server_before:.1f} s")
    print(f"all PostgreSQL processes' CPU meanwhile: {all_after - all_before:.1f} s")
    connection.close()
    if not KEEP:
        fresh_database(drop_only=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
