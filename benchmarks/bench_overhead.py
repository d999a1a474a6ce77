"""Where a signed-in request's time goes outside its view: middleware, the guard, the header.

Builds the same 400-action plan as bench_web.py (its `large_pages`), requests a few
signed-in pages and an API read through Django's test client under cProfile (timing CPU,
not wall: process_time), and prints,
per page, the CPU per request of each part around the view (cumulative time of the
functions named in PARTS, divided by the number of requests), the view body itself and
the whole request. cProfile slows Python-heavy code more than queries, so the figures
are for comparing parts with one another, not with bench_web.py's unprofiled CPU, which
is printed beside them (median of REQUESTS requests without the profiler).

Run: DATABASE_URL=postgres://... .venv/bin/python benchmarks/bench_overhead.py
(BENCH_OVERHEAD_PAGES=overview,action picks pages by name.)
"""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from django.db import connection
from django.test.utils import setup_test_environment
from django.urls import resolve

from benchmarks.bench_web import analyse, clients, demo_pages, large_pages, load

REQUESTS = int(os.environ.get("BENCH_OVERHEAD_REQUESTS", "30"))
WANTED = ("overview", "action", "action list", "dashboard", "my actions", "api actions")

# (label, file ending, function name): a part's cumulative time is its function's.
PARTS: list[tuple[str, str, str]] = [
    ("security mw", "middleware/security.py", "process_request"),
    ("security mw out", "middleware/security.py", "process_response"),
    ("csp mw in", "csp/middleware.py", "process_request"),
    ("csp mw out", "csp/middleware.py", "process_response"),
    ("headers mw: cache-control", "django/utils/cache.py", "patch_cache_control"),
    ("history mw: acting_as", "wellboard/history/recorder.py", "acting_as"),
    ("session mw in", "sessions/middleware.py", "process_request"),
    ("session mw out", "sessions/middleware.py", "process_response"),
    ("common mw", "middleware/common.py", "process_request"),
    ("common mw out", "middleware/common.py", "process_response"),
    ("csrf mw in", "middleware/csrf.py", "process_request"),
    ("csrf mw view", "middleware/csrf.py", "process_view"),
    ("csrf mw out", "middleware/csrf.py", "process_response"),
    ("auth: session+user (get_user)", "contrib/auth/__init__.py", "get_user"),
    ("  session load", "sessions/backends/db.py", "load"),
    ("messages mw out", "messages/middleware.py", "process_response"),
    ("xframe mw out", "middleware/clickjacking.py", "process_response"),
    ("memberships", "wellboard/accounts/permissions.py", "memberships"),
    ("guard: get_for_user", "wellboard/accounts/permissions.py", "get_for_user"),
    ("guard: partnerships_where", "wellboard/accounts/permissions.py", "partnerships_where"),
    ("navigation()", "wellboard/web/navigation.py", "navigation"),
    ("  pending_count", "wellboard/strategy/approvals.py", "pending_count"),
    ("drawn_once (all)", "wellboard/web/drawn_once.py", "drawn_once"),
    ("static()", "templatetags/static.py", "static"),
    ("csrf_input", "wellboard/jinja2.py", "csrf_input"),
    ("api: throttle", "wellboard/api/throttling.py", "allow_request"),
    ("api: authenticate", "rest_framework/request.py", "_authenticate"),
    ("api: initial", "rest_framework/views.py", "initial"),
]


def api_page(pages: list[Any]) -> Any:
    """The API's action list for the plan's strategy, read as the administrator."""
    from benchmarks.bench_web import Page

    overview = next(p for p in pages if p.name == "overview")
    strategy = overview.url.rstrip("/").rsplit("/", 1)[1]
    return Page("api actions", f"/api/v1/actions/?strategy={strategy}", "admin")


def cumulative(stats: pstats.Stats, ending: str, name: str) -> float:
    total = 0.0
    for (filename, _line, func), row in stats.stats.items():  # type: ignore[attr-defined]
        if func == name and filename.endswith(ending):
            total += row[3]
    return total


def view_function(url: str) -> tuple[str, str]:
    """The view body's file and name (under the guard, or the DRF view's handler)."""
    match = resolve(url.split("?")[0])
    func = match.func
    inner = getattr(func, "__wrapped__", None)
    if inner is not None:
        return inner.__code__.co_filename, inner.__name__
    view_class = getattr(func, "view_class", None) or getattr(func, "cls", None)
    if view_class is not None:
        return sys.modules[view_class.__module__].__file__ or "", "get"
    return func.__code__.co_filename, func.__name__


def profile(client: Any, url: str) -> tuple[float, float, int, pstats.Stats]:
    client.get(url)
    cpu = []
    for _ in range(REQUESTS):
        start = time.process_time()
        response = client.get(url)
        cpu.append((time.process_time() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    statements: list[str] = []
    with connection.execute_wrapper(
        lambda run, sql, *rest: statements.append(sql) or run(sql, *rest)
    ):
        client.get(url)
    profiler = cProfile.Profile(time.process_time)  # CPU, as bench_web and bench-load count
    profiler.enable()
    for _ in range(REQUESTS):
        client.get(url)
    profiler.disable()
    stats = pstats.Stats(profiler)
    whole = cumulative(stats, "django/test/client.py", "request") / REQUESTS * 1000
    return statistics.median(cpu), whole, len(statements), stats


def main() -> int:
    setup_test_environment()
    print(f"database: {connection.vendor}; {REQUESTS} requests per page; {load()}")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        demo_pages()  # the demo partnership the large plan is loaded into
        _count, pages = large_pages()
        pages.append(api_page(pages))
        analyse()
        wanted = os.environ.get("BENCH_OVERHEAD_PAGES")
        names = wanted.split(",") if wanted else WANTED
        signed_in = clients()
        for page in [p for p in pages if p.name in names]:
            cpu, whole, queries, stats = profile(signed_in[page.user], page.url)
            file, func = view_function(page.url)
            body = cumulative(stats, file, func) / REQUESTS * 1000
            scale = cpu / whole
            print(f"\n{page.name} ({page.user}) {page.url}: CPU {cpu:.1f} ms unprofiled, "
                  f"{queries} queries; profiled: request {whole:.2f} ms, "
                  f"view body {body:.2f} ms ({func}), outside it {whole - body:.2f} ms; "
                  f"{load()}")  # fmt: skip
            print(f"  {'part':<32}{'profiled':>9}{'scaled':>8}  (scaled: times CPU/profiled)")
            for label, ending, name in PARTS:
                ms = cumulative(stats, ending, name) / REQUESTS * 1000
                if ms >= 0.005:
                    print(f"  {label:<32}{ms:>9.2f}{ms * scale:>8.2f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
