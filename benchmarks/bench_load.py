"""The served app under load at national scale: build the dataset, serve it, drive it.

1. A fresh PostgreSQL database (BENCH_DB, default wellboard_bench_load) is migrated and
   `wellboard demo --scale national` builds 150 partnerships in it (60,000 actions,
   360,000 updates, 382,500 indicator values) through the bulk path; its time is printed.
2. `wellboard serve` serves it as in production (threaded gunicorn workers, WhiteNoise,
   persistent connections), with a copy of one overview page put among the static files.
3. locust, in its own process, headless and time-bounded (BENCH_SECONDS, default 60),
   drives it at a fixed arrival rate (BENCH_RATE, default 40 requests a second) with the
   mix in benchmarks/locustfile.py, signed in as administrators and lead officers of
   partnerships picked at random. It runs niced (LOCUST_NICE, default 10) so that the
   server and PostgreSQL come first on the cores they share with it.
4. Per page: requests, errors, median, p95 and p99 in milliseconds, and the overview's
   median over the median of the same-size static file through the same server.
5. CPU per request: what the gunicorn processes, the PostgreSQL backends of the database
   and locust spent over the run (benchmarks/cpu_use.py), over the requests served, with
   the load average: on a shared machine that figure holds when latencies do not.

Targets (issue #17): p95 under 150 ms and no errors at 40 requests a second; the dataset
built in under 2 minutes. locust, the server and PostgreSQL share the machine's cores,
so the times include waiting for locust's own work (lessened, not removed, by its nice).

Run: make bench-load  (BENCH_SCALE=10 for a quicker, smaller run; BENCH_REUSE=1 with
BENCH_DB and WELLBOARD_DEMO_PASSWORD to drive a database built before)
"""

from __future__ import annotations

import csv
import json
import os
import resource
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from cpu_use import CpuMeter

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PG = os.environ.get("PG_URL", "postgres://root@127.0.0.1:5432/wellboard").rsplit("/", 1)[0]
DB = os.environ.get("BENCH_DB", "wellboard_bench_load")
SCALE = os.environ.get("BENCH_SCALE", "national")
RATE = float(os.environ.get("BENCH_RATE", "40"))
USERS = int(os.environ.get("BENCH_USERS", "80"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "60"))
LOCUST_NICE = int(os.environ.get("LOCUST_NICE", "10"))
# More `wellboard serve` options, to compare server settings (e.g. "--workers 4 --threads 1").
SERVE_ARGS = os.environ.get("BENCH_SERVE_ARGS", "").split()
# BENCH_REUSE=1 drives a database built before (with its WELLBOARD_DEMO_PASSWORD).
REUSE = os.environ.get("BENCH_REUSE") == "1"
PASSWORD = os.environ.get("WELLBOARD_DEMO_PASSWORD") or "bench-load-" + secrets.token_urlsafe(8)
TODAY = time.strftime("%Y-%m-%d")


def env(static_root: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"{PG}/{DB}",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "STATIC_ROOT": str(static_root),
        "SECURE_COOKIES": "false",
        "WELLBOARD_DEMO_PASSWORD": PASSWORD,
        "DJANGO_SETTINGS_MODULE": "wellboard.settings",
    }


def fresh_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB}"')


def build(environment: dict[str, str]) -> None:
    """A fresh database, migrated, with the national dataset built in it (timed)."""
    fresh_database()
    seconds, _ = run(["migrate", "--no-input", "-v0"], environment)
    print(f"database {DB} migrated in {seconds:.0f} s")
    seconds, built = run(["demo", "--scale", SCALE], environment)
    print(built.splitlines()[0] + f" (command: {seconds:.1f} s; target under 120 s)")


def run(args: list[str], environment: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [str(BIN / "wellboard"), *args], env=environment, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"wellboard {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - start, done.stdout


def world(static_root: Path) -> dict[str, Any]:
    """Ids for the locust users to ask for, and a same-size copy of an overview."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.test import Client

    from wellboard.demo.national import NAME_PREFIX
    from wellboard.indicators.models import Indicator
    from wellboard.partnerships.models import Partnership
    from wellboard.strategy.models import Action, Priority, Theme

    found = []
    partnerships = Partnership.objects.filter(name__startswith=NAME_PREFIX).order_by("pk")
    for i, partnership in enumerate(partnerships):
        strategy = partnership.strategies.get()
        actions = list(Action.objects.in_strategy(strategy).values_list("pk", "lead_officer_id"))
        lead_person = partnership.memberships.get(role="lead_officer").person_id
        found.append({
            "admin": f"admin-{i + 1}", "lead": f"lead-{i + 1}", "strategy": strategy.pk,
            "themes": list(Theme.objects.in_strategy(strategy).values_list("pk", flat=True)),
            "priorities": list(Priority.objects.in_strategy(strategy).values_list("pk", flat=True)),
            "actions": [pk for pk, _ in actions][::7],
            "led": [pk for pk, person in actions if person == lead_person][:40],
            "indicators": list(Indicator.objects.filter(partnership=partnership)
                               .values_list("pk", flat=True)),
        })  # fmt: skip
    # Each simulated person comes signed in (a session made here), so that the minute
    # measured is spent on pages, not on 80 password hashes at once.
    for entry in found:
        for role in ("admin", "lead"):
            signed_in = Client(HTTP_HOST="127.0.0.1")
            signed_in.force_login(User.objects.get(username=entry[role]))
            entry[f"{role}_session"] = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(partnership.memberships.get(role="administrator").user)
    response = client.get(f"/strategies/{found[-1]['strategy']}/")
    assert response.status_code == 200, response.status_code
    page = response.content
    (static_root / "bench").mkdir(parents=True, exist_ok=True)
    (static_root / "bench" / "overview.html").write_bytes(page)
    return {"partnerships": found, "password": PASSWORD, "today": TODAY,
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "static": "/static/bench/overview.html", "overview_bytes": len(page)}  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(environment: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [str(BIN / "wellboard"), "serve", "--port", str(port), "--no-access-log", *SERVE_ARGS],
        env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    deadline = time.time() + 600  # collectstatic compresses every file first
    while time.time() < deadline:
        try:
            # The sign-in page, not /healthz: that says 503 with no task worker running.
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5):
                return server
        except OSError:
            if server.poll() is not None:
                sys.exit(f"the server stopped: {server.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            time.sleep(1)
    os.killpg(server.pid, signal.SIGTERM)
    sys.exit("the server did not answer within 10 minutes")


def drive(port: int, world_file: Path, out: Path, environment: dict[str, str]) -> Path:
    """Run locust headless for SECONDS; the stats file it writes.

    locust runs at a lower priority (nice LOCUST_NICE, default 10) than the server and the
    database: on a machine where all three share two cores, the requests' own work goes
    first and locust's waits, as it would on a load generator of its own. Its CPU time is
    still counted in the CPU per request that main() prints.
    """
    prefix = out / "load"
    subprocess.run(
        ["nice", "-n", str(LOCUST_NICE), str(BIN / "locust"),
         "-f", str(ROOT / "benchmarks" / "locustfile.py"), "--headless",
         "--host", f"http://127.0.0.1:{port}", "-u", str(USERS), "-r", str(USERS),
         "--run-time", f"{SECONDS}s", "--stop-timeout", "5", "--csv", str(prefix),
         "--only-summary", "--loglevel", "WARNING"],
        env={**environment, "BENCH_WORLD": str(world_file), "BENCH_RATE": str(RATE),
             "BENCH_USERS": str(USERS)},
        check=False, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return Path(f"{prefix}_stats.csv")


def _ms(value: str) -> str:
    """A percentile as locust wrote it, whole milliseconds (it writes N/A with no requests)."""
    try:
        return f"{float(value):.0f}"
    except ValueError:
        return value


def report(stats: Path) -> int:
    """Print the per-page table and the static comparison; the requests served."""
    rows = list(csv.DictReader(stats.open(encoding="utf-8")))
    print(f"{'page':<24}{'requests':>9}{'errors':>8}{'median':>8}{'p95':>7}{'p99':>7}  (ms)")
    medians = {}
    for row in rows:
        name = row["Name"]
        medians[name] = float(row["Median Response Time"] or 0)
        print(f"{name:<24}{row['Request Count']:>9}{row['Failure Count']:>8}"
              f"{medians[name]:>8.0f}{_ms(row['95%']):>7}{_ms(row['99%']):>7}")  # fmt: skip
    total = next(r for r in rows if r["Name"] == "Aggregated")
    seconds = SECONDS
    print(f"achieved {int(total['Request Count']) / seconds:.1f} requests/s "
          f"(target {RATE:.0f}); p95 over all {total['95%']} ms (target 150)")  # fmt: skip
    static = medians.get("static (overview size)") or 0
    if static:
        ratio = medians.get("overview", 0) / static
        print(f"overview median / same-size static file median = {ratio:.1f}")
    return int(total["Request Count"])


def children_cpu() -> float:
    """CPU seconds of this process's finished children (locust, once it has ended)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def machine_busy() -> tuple[float, float]:
    """CPU seconds the whole machine has spent busy (every process and the kernel) and
    seconds stolen from it by the host (a virtual machine's cores are shared), from
    /proc/stat: beside what is accounted to the server, PostgreSQL and locust, they show
    whether something else took the cores during the run."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    tick = os.sysconf("SC_CLK_TCK")
    return (user + nice + system + irq + softirq) / tick, steal / tick


def report_cpu(
    requests: int, server: float, database: float, locust: float, machine: tuple[float, float]
) -> None:
    """CPU per request: the figure that holds on a shared machine, where times do not."""
    if not requests:
        return
    per = 1000 / requests
    total = (server + database + locust) * per
    print(f"CPU per request: server {server * per:.1f} ms + PostgreSQL {database * per:.1f} ms "
          f"+ locust {locust * per:.1f} ms = {total:.1f} ms "
          f"(2 cores at {RATE:.0f} requests/s allow {2000 / RATE:.0f} ms, all in); "
          f"the whole machine was busy {machine[0] * per:.1f} ms per request, "
          f"and the host took {machine[1] * per:.1f} ms of its cores")  # fmt: skip


def main() -> int:
    out = Path(tempfile.mkdtemp(prefix="wellboard-bench-load-"))
    static_root = out / "static"
    environment = env(static_root)
    os.environ.update({k: v for k, v in environment.items() if k != "SECRET_KEY"})
    os.environ["SECRET_KEY"] = environment["SECRET_KEY"]
    if not REUSE:
        build(environment)
    world_file = out / "world.json"
    world_file.write_text(json.dumps(world(static_root)), encoding="utf-8")
    port = free_port()
    # Stopped from outside: still stop the server (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    server = serve(environment, port)
    try:
        print(f"served on port {port}; locust: {USERS} users, {RATE:.0f} requests/s arriving, "
              f"{SECONDS} s")  # fmt: skip
        before = os.getloadavg()[0]
        meter = CpuMeter(server.pid, f"{PG}/postgres", DB)
        meter.start()
        locust_before, machine_before = children_cpu(), machine_busy()
        stats = drive(port, world_file, out, environment)
        locust, machine_after = children_cpu() - locust_before, machine_busy()
        machine = (machine_after[0] - machine_before[0], machine_after[1] - machine_before[1])
        server_cpu, database_cpu = meter.stop()
        report_cpu(report(stats), server_cpu, database_cpu, locust, machine)
        # The machine is shared: say how busy it was, so the figures can be read.
        print(f"load average before/after the run: {before:.1f} / {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} CPUs")  # fmt: skip
    finally:
        os.killpg(server.pid, signal.SIGINT)  # gunicorn's quick shutdown
        server.wait(timeout=60)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
