"""Time the pages members use often: median and p95 server time, CPU time and queries.

Loads the demo (wellboard/demo/demo_plan.json) into a throw-away test database and
requests each page through Django's test client, which runs the whole request
in-process: the time is server time (middleware, views, queries, templates), with no
network. CPU time is this process's (`time.process_time`), printed beside the wall time
because the machine is shared: a wall time far above the CPU time means waiting (the
database server, or other people's work). Query counts are per request.

First the demo strategy, signed in as the demo lead officer; then every page a member
uses often on a 400-action plan (the demo's document grown as benchmarks/bench_reports.py
grows it, loaded into the demo partnership beside the demo's indicators, approvals and
consultations), signed in as the administrator, and as the lead officer for the pages of
their own work. The database is the one DATABASE_URL names (SQLite by default);
`make bench-web` runs it on SQLite and then on PostgreSQL. The machine's load average
is printed before and after. On PostgreSQL the tables are analysed after loading (as
autovacuum would have done on a served database), so the planner has statistics.

Target (issue #17): server median under 50 ms for every page of the 400-action plan,
with a query count that does not grow with the plan.
Run: make bench-web  (or .venv/bin/python benchmarks/bench_web.py)
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wellboard.settings")
os.environ.setdefault("WELLBOARD_ALLOW_INSECURE_KEY", "true")

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
)

REQUESTS = int(os.environ.get("BENCH_WEB_REQUESTS", "30"))
TARGET_MS = 100.0
LARGE_TARGET_MS = 50.0


@dataclass(frozen=True)
class Page:
    name: str
    url: str
    user: str | None  # None: not signed in


@dataclass(frozen=True)
class Figures:
    median: float
    p95: float
    cpu: float  # median CPU ms
    queries: int
    kb: float


def demo_pages() -> list[Page]:
    from wellboard.demo.services import load_demo
    from wellboard.strategy.models import Action

    strategy = load_demo().strategy
    lead = User.objects.get(username="lead1")
    person_id = lead.memberships.get().person_id
    action = (
        Action.objects.in_strategy(strategy)
        .filter(lead_officer_id=person_id)
        .select_related("priority")
        .first()
    )
    assert action is not None, "the demo has no action led by lead1"
    pages = [
        ("overview", f"/strategies/{strategy.pk}/"),
        ("theme", f"/themes/{action.priority.theme_id}/"),
        ("priority", f"/priorities/{action.priority_id}/"),
        ("action", f"/actions/{action.pk}/"),
        ("add update", f"/actions/{action.pk}/update/"),
        ("edit action", f"/actions/{action.pk}/edit/"),
        ("action list", "/actions/"),
        ("list filtered", "/actions/?status=amber&q=health"),
        ("list CSV", "/actions/?format=csv"),
        ("my actions", "/my/actions/"),
        ("dashboard", "/"),
    ]
    anonymous = [
        ("public", f"/public/strategies/{strategy.pk}/"),
        ("public theme", f"/public/themes/{action.priority.theme_id}/"),
        ("sign in", "/accounts/login/"),
    ]
    return [Page(n, u, "lead1") for n, u in pages] + [Page(n, u, None) for n, u in anonymous]


def large_pages() -> tuple[int, list[Page]]:
    """Every page a member uses often, on a 400-action plan in the demo partnership."""
    from benchmarks.bench_reports import large_document
    from wellboard.consultations.models import Consultation
    from wellboard.exchange.load import load_strategy
    from wellboard.indicators.models import Indicator
    from wellboard.strategy.models import Action

    strategy = load_strategy(large_document(8))
    strategy.published = True
    strategy.save()
    actions = Action.objects.in_strategy(strategy)
    action = actions.select_related("priority").first()
    assert action is not None
    theme = action.priority.theme_id
    partnership = strategy.partnership_id
    indicator = (
        Indicator.objects.filter(partnership_id=partnership)
        .annotate(n=django.db.models.Count("values"))
        .order_by("-n", "pk")
        .first()
    )
    consultation = (
        Consultation.objects.filter(strategy__partnership_id=partnership)
        .annotate(n=django.db.models.Count("responses"))
        .order_by("-n", "pk")
        .first()
    )
    assert indicator is not None and consultation is not None
    listing = f"/actions/?strategy={strategy.pk}"
    admin = [
        ("overview", f"/strategies/{strategy.pk}/"),
        ("theme", f"/themes/{theme}/"),
        ("priority", f"/priorities/{action.priority_id}/"),
        ("action", f"/actions/{action.pk}/"),
        ("action list", listing),
        ("list filtered", f"{listing}&status=amber&theme={theme}"),
        ("list search", f"{listing}&q=health"),
        ("dashboard", "/"),
        ("indicators", "/indicators/"),
        ("indicator", f"/indicators/{indicator.pk}/"),
        ("reports area", f"/reports/strategies/{strategy.pk}/"),
        ("approvals", "/approvals/"),
        ("consultation", f"/consultations/{consultation.pk}/results/"),
    ]
    lead = [("my actions", "/my/actions/"), ("dashboard lead", "/")]
    pages = [Page(n, u, "admin") for n, u in admin] + [Page(n, u, "lead1") for n, u in lead]
    pages.append(Page("public", f"/public/strategies/{strategy.pk}/", None))
    pages.append(Page("public theme", f"/public/themes/{theme}/", None))
    return actions.count(), pages


def clients() -> dict[str | None, Client]:
    found: dict[str | None, Client] = {None: Client()}
    for username in ("admin", "lead1"):
        found[username] = Client()
        found[username].force_login(User.objects.get(username=username))
    return found


def table(targets: list[Page]) -> float:
    """Print one line per page; returns the slowest median."""
    signed_in = clients()
    print(f"{'page':<16}{'user':<7}{'median ms':>10}{'p95 ms':>8}{'CPU ms':>8}"
          f"{'queries':>8}{'KB':>6}")  # fmt: skip
    worst = 0.0
    for page in targets:
        found = measure(signed_in[page.user], page.url)
        worst = max(worst, found.median)
        print(f"{page.name:<16}{page.user or '-':<7}{found.median:>10.1f}{found.p95:>8.1f}"
              f"{found.cpu:>8.1f}{found.queries:>8}{found.kb:>6.0f}")  # fmt: skip
    return worst


def body(response: Any) -> bytes:
    """The whole body, a streamed one (the CSV) read to its end."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return bytes(response.content)


def measure(client: Client, url: str) -> Figures:
    size = len(body(client.get(url)))  # also warms caches (templates, content types)
    timings, cpu = [], []
    for _ in range(REQUESTS):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        body(response)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as captured:
        body(client.get(url))
    p95 = statistics.quantiles(timings, n=20)[-1]
    return Figures(
        statistics.median(timings), p95, statistics.median(cpu), len(captured), size / 1024
    )


def analyse() -> None:
    """Gather PostgreSQL's planner statistics for the data just loaded, as autovacuum does
    on a served database soon after. Without them the planner guesses one row per table
    and repeats an index scan per priority: the lead's actions took 31 ms to read instead
    of 1 ms (EXPLAIN ANALYZE on the 400-action plan), which is the loading, not the page."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def main() -> int:
    setup_test_environment()
    print(f"database: {connection.vendor}; {REQUESTS} requests per page; {load()}")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        targets = demo_pages()
        analyse()
        from wellboard.strategy.models import Action

        print(f"\ndemo: {Action.objects.count()} actions")
        worst = table(targets)
        verdict = "within" if worst < TARGET_MS else "OVER"
        print(f"slowest median {worst:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target")
        count, large = large_pages()
        analyse()
        print(f"\n{count}-action plan; {load()}")
        worst_large = table(large)
        verdict = "within" if worst_large < LARGE_TARGET_MS else "OVER"
        print(f"slowest median {worst_large:.1f} ms on the large plan: "
              f"{verdict} the {LARGE_TARGET_MS:.0f} ms target; {load()}")  # fmt: skip
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
