"""Where a bench-load request's time goes: locust's timing joined with the server's.

bench_load.py says how long requests take; this says where the time went. It runs the
same load (same dataset, locustfile, rate, users, seconds, server settings, locust nice)
with two changes that only observe: the server is `wellboard serve`'s gunicorn settings
with the gthread worker subclassed to log each request's stages (trace_worker.py), and
locust tags each request with an id and logs when it began and ended (trace_locust.py).
Joined by id, each request's time splits into

  pre    locust began the request -> the worker's main loop saw the socket readable
  queue  readable -> one of the worker's pool threads took it (waiting for a thread)
  parse  the thread read and parsed the request
  view   Django's handling and writing the response, split into the thread's CPU time,
         the time in database queries (q: their number) and the rest (waiting for the
         GIL or a core)
  post   the response written -> locust had all of it

with per page and per worker process tables (a kept-alive connection stays with the
worker that accepted it), the connections accepted, locust's loop stalls and the
PostgreSQL backends' wait events sampled every 100 ms.

Run: make bench-load-trace (BENCH_DB, BENCH_REUSE, BENCH_SCALE... as for bench-load;
BENCH_WORKERS, BENCH_THREADS for the server, default 2 x 4)
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import bench_load as bl

HERE = Path(__file__).resolve().parent
WORKERS = os.environ.get("BENCH_WORKERS", "2")
THREADS = os.environ.get("BENCH_THREADS", "4")
SEGMENTS = ("total", "pre", "queue", "parse", "view", "cpu", "db", "other", "post", "q")


def serve(environment: dict[str, str], port: int, trace: Path) -> subprocess.Popen[bytes]:
    subprocess.run([str(bl.BIN / "wellboard"), "collectstatic", "--no-input", "-v0"],
                   env=environment, check=True)  # fmt: skip
    server = subprocess.Popen(
        [str(bl.BIN / "python"), str(HERE / "trace_worker.py"), str(port), WORKERS, THREADS],
        env={**environment, "TRACE_DIR": str(trace), "PYTHONPATH": str(HERE)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    import urllib.request

    for _ in range(240):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5):
                return server
        except OSError:
            time.sleep(0.5)
    os.killpg(server.pid, signal.SIGTERM)
    sys.exit("the traced server did not answer")


def sample_waits(stop: threading.Event, found: Counter[str]) -> None:
    """What the benchmark database's backends were doing, every 100 ms."""
    import psycopg

    with psycopg.connect(f"{bl.PG}/postgres", autocommit=True) as conn:
        while not stop.is_set():
            for state, kind, event in conn.execute(
                "SELECT state, wait_event_type, wait_event FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                (bl.DB,),
            ).fetchall():
                found[f"{state} {kind or '-'}/{event or '-'}"] += 1
            time.sleep(0.1)


def drive(port: int, trace: Path, environment: dict[str, str]) -> None:
    subprocess.run(
        ["nice", "-n", str(bl.LOCUST_NICE), str(bl.BIN / "locust"),
         "-f", str(HERE / "trace_locust.py"), "--headless",
         "--host", f"http://127.0.0.1:{port}", "-u", str(bl.USERS), "-r", str(bl.USERS),
         "--run-time", f"{bl.SECONDS}s", "--stop-timeout", "5", "--csv", str(trace / "load"),
         "--only-summary", "--loglevel", "WARNING"],
        env={**environment, "BENCH_WORLD": str(trace / "world.json"), "TRACE_DIR": str(trace),
             "BENCH_RATE": str(bl.RATE), "BENCH_USERS": str(bl.USERS), "PYTHONPATH": str(HERE)},
        check=False, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def read_server(trace: Path) -> tuple[dict[str, dict[str, Any]], Counter[str]]:
    """Each request id's first server record (a redirect locust follows keeps its id)
    and the connections each worker accepted."""
    requests: dict[str, dict[str, Any]] = {}
    accepts: Counter[str] = Counter()
    for path in sorted(trace.glob("server-*.log")):
        worker = path.stem.removeprefix("server-")
        for line in path.read_text().splitlines():
            f = line.split()
            if f[0] == "accept":
                accepts[worker] += 1
            elif f[0] == "req":
                record = {"readable": float(f[2]), "thread": float(f[3]), "parsed": float(f[4]),
                          "done": float(f[5]), "cpu": float(f[6]), "db": float(f[7]),
                          "q": int(f[8]), "worker": worker}  # fmt: skip
                if f[1] not in requests or record["parsed"] < requests[f[1]]["parsed"]:
                    requests[f[1]] = record
    return requests, accepts


def joined(trace: Path) -> tuple[list[dict[str, Any]], list[float], Counter[str]]:
    server, accepts = read_server(trace)
    rows, stalls = [], []
    for line in (trace / "locust.log").read_text().splitlines():
        f = line.split()
        if f[0] == "stall":
            stalls.append(float(f[2]))
        elif f[0] == "req" and f[1] in server:
            s, start, end = server[f[1]], float(f[2]), float(f[3])
            view = (s["done"] - s["parsed"]) * 1000
            rows.append({
                "name": " ".join(f[4:]), "worker": s["worker"], "total": (end - start) * 1000,
                "pre": (s["readable"] - start) * 1000,
                "queue": (s["thread"] - s["readable"]) * 1000,
                "parse": (s["parsed"] - s["thread"]) * 1000, "view": view, "cpu": s["cpu"],
                "db": s["db"], "other": view - s["cpu"] - s["db"], "q": s["q"],
                "post": (end - s["done"]) * 1000,
            })  # fmt: skip
    return rows, stalls, accepts


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else 0.0


def at(rows: list[dict[str, Any]], segment: str, p: float) -> float:
    """The p-th percentile of one segment over some rows."""
    return pct([r[segment] for r in rows], p)


def print_breakdown(rows: list[dict[str, Any]], stalls: list[float], accepts: Counter[str],
                    waits: Counter[str]) -> None:  # fmt: skip
    print(f"\n{len(rows)} requests joined; connections accepted per worker: {dict(accepts)}; "
          f"locust loop stalls over 10 ms: {len(stalls)} ({sum(stalls):.0f} ms in all, "
          f"longest {max(stalls, default=0):.0f} ms)")  # fmt: skip
    print(f"{'segment (ms)':<14}{'median':>8}{'p90':>8}{'p95':>8}{'p99':>8}{'mean':>8}")
    for seg in SEGMENTS:
        values = [r[seg] for r in rows]
        print(f"{seg:<14}" + "".join(f"{pct(values, p):8.1f}" for p in (50, 90, 95, 99))
              + f"{sum(values) / max(1, len(values)):8.1f}")  # fmt: skip
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[r["name"]].append(r)
    print(f"\n{'page':<24}{'n':>5}{'total med':>10}{'p95':>7}{'queue med':>10}{'view med':>9}"
          f"{'cpu':>6}{'db':>6}{'q':>4}")  # fmt: skip
    for name, rs in sorted(groups.items()):
        print(f"{name:<24}{len(rs):>5}{at(rs, 'total', 50):10.0f}{at(rs, 'total', 95):7.0f}"
              f"{at(rs, 'queue', 50):10.0f}{at(rs, 'view', 50):9.0f}{at(rs, 'cpu', 50):6.0f}"
              f"{at(rs, 'db', 50):6.0f}{at(rs, 'q', 50):4.0f}")  # fmt: skip
    workers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        workers[r["worker"]].append(r)
    for worker, rs in sorted(workers.items()):
        print(f"worker {worker}: {len(rs)} requests, total median {at(rs, 'total', 50):.0f} ms, "
              f"p95 {at(rs, 'total', 95):.0f}, queue median {at(rs, 'queue', 50):.0f}")  # fmt: skip
    samples = sum(waits.values()) or 1
    print("PostgreSQL backends (share of samples): " + ", ".join(
        f"{what} {n / samples:.1%}" for what, n in waits.most_common(6)))  # fmt: skip


def main() -> int:
    trace = Path(tempfile.mkdtemp(prefix="wellboard-bench-load-trace-"))
    environment = bl.env(trace / "static")
    os.environ.update(environment)
    if not bl.REUSE:
        bl.build(environment)
    (trace / "world.json").write_text(json.dumps(bl.world(trace / "static")), encoding="utf-8")
    port = bl.free_port()
    server = serve(environment, port, trace)
    stop, waits = threading.Event(), Counter[str]()
    try:
        print(f"traced server ({WORKERS} workers x {THREADS} threads) on port {port}; "
              f"locust: {bl.USERS} users, {bl.RATE:.0f} requests/s arriving, "
              f"{bl.SECONDS} s; logs in {trace}")  # fmt: skip
        before = os.getloadavg()[0]
        meter = bl.CpuMeter(server.pid, f"{bl.PG}/postgres", bl.DB)
        meter.start()
        threading.Thread(target=sample_waits, args=(stop, waits), daemon=True).start()
        locust_before, machine_before = bl.children_cpu(), bl.machine_busy()
        drive(port, trace, environment)
        locust, machine_after = bl.children_cpu() - locust_before, bl.machine_busy()
        stop.set()
        machine = (machine_after[0] - machine_before[0], machine_after[1] - machine_before[1])
        server_cpu, database_cpu = meter.stop()
        served = bl.report(trace / "load_stats.csv")
        bl.report_cpu(served, server_cpu, database_cpu, locust, machine)
        print(f"load average before/after the run: {before:.1f} / {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} CPUs")  # fmt: skip
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=60)
    print_breakdown(*joined(trace), waits)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
