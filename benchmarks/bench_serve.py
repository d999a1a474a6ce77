"""What every request pays: CPU per request through the served app, one request at a time.

`wellboard serve` (gunicorn, threaded workers, WhiteNoise) serves the national dataset that
`make bench-load` builds (BENCH_DB, default wellboard_bench_load; built here first unless
BENCH_REUSE=1), and this process asks, one after another on one kept-alive connection,
BENCH_REQUESTS times (default 200) each of:

- a static file (the collected stylesheet): WhiteNoise alone, no database;
- the sign-in page, signed out: the middleware stack and the layout, no user;
- a page with next to nothing on it, signed in (the imports upload form): the session,
  the user, the memberships, the header's navigation and counts, the layout;
- the overview of a 400-action plan, signed in: a real page on top of all that.

For each: the CPU milliseconds per request of the gunicorn processes, of the PostgreSQL
backends serving the database (read from /proc, benchmarks/cpu_use.py) and of this
client, and the queries per request (counted in-process by Django's test client). The
machine is shared, so CPU, not wall time, is the figure; the load
average is printed beside it. Budget (issue #17): 40 requests a second on 2 cores leaves
about 25-30 ms of CPU per request, all processes together.

Run: make bench-serve  (BENCH_REUSE=1 BENCH_DB=... WELLBOARD_DEMO_PASSWORD=... to reuse)
"""

from __future__ import annotations

import http.client
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

import bench_load
from cpu_use import CpuMeter, load_average

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))


def queries(path: str, session: str) -> int:
    """Queries the page makes, counted in this process by Django's test client (the
    served one adds a `SELECT 1` per request: the kept connection's health check)."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    if session:
        client.cookies[settings.SESSION_COOKIE_NAME] = session
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return len(captured)


def measure(port: int, path: str, cookie: str, meter: CpuMeter) -> str:
    """CPU per request of server, database and client, and wall time, over REQUESTS."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Accept-Encoding": "gzip, br", **({"Cookie": cookie} if cookie else {})}
    connection.request("GET", path, headers=headers)  # a first request opens connections
    first = connection.getresponse()
    first.read()
    if first.status != 200:
        sys.exit(f"{path}: status {first.status}")
    time.sleep(0.5)
    meter.start()
    own = time.process_time()
    start = time.perf_counter()
    for _ in range(REQUESTS):
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
    wall = time.perf_counter() - start
    time.sleep(0.2)  # let the backends' counters settle
    server, database = meter.stop()
    client = time.process_time() - own
    connection.close()
    per = 1000 / REQUESTS
    return (
        f"{server * per:8.1f}{database * per:8.1f}{client * per:8.1f}"
        f"{(server + database + client) * per:8.1f}{wall * per:8.1f}"
    )


def main() -> int:
    out = Path(tempfile.mkdtemp(prefix="wellboard-bench-serve-"))
    static_root = out / "static"
    environment = bench_load.env(static_root)
    os.environ.update(environment)
    if not bench_load.REUSE:
        bench_load.build(environment)
    world = bench_load.world(static_root)
    entry = world["partnerships"][0]
    session = entry["admin_session"]
    port = bench_load.free_port()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    server = bench_load.serve(environment, port)
    try:
        stylesheet = next(static_root.glob("wellboard/build/wellboard.*.css"))
        pages = [
            ("static file", "/" + str(stylesheet.relative_to(static_root.parent)), ""),
            ("sign-in page", "/accounts/login/", ""),
            ("bare page, signed in", "/imports/", session),
            ("overview, signed in", f"/strategies/{entry['strategy']}/", session),
        ]
        meter = CpuMeter(server.pid, f"{bench_load.PG}/postgres", bench_load.DB)
        print(f"{REQUESTS} requests each, one at a time; {load_average()}")
        print(f"{'':<24}{'server':>8}{'pg':>8}{'client':>8}{'total':>8}{'wall':>8}{'queries':>9}"
              "  (ms per request)")  # fmt: skip
        for name, path, session in pages:
            sent = f"{world['session_cookie']}={session}" if session else ""
            print(f"{name:<24}{measure(port, path, sent, meter)}{queries(path, session):9}")
        print(load_average())
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=60)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
