"""Time every delivery page on the demo strategy: median and p95 server time, queries.

Loads the demo (wellboard/demo/demo_plan.json) into a throw-away test database, signs in
as the demo lead officer, and requests each page 50 times through Django's test client,
which runs the whole request in-process: the time is server time (middleware, views,
queries, templates), with no network. Query counts are per request.

Then the same for the pages that show a whole plan on a 400-action plan (the demo's
document grown as benchmarks/bench_reports.py grows it), signed in as the administrator.

Target: under 100 ms per page (issue #17: under 50 ms for a 400-action plan).
Run: make bench-web  (or .venv/bin/python benchmarks/bench_web.py)
"""

from __future__ import annotations

import os
import statistics
import sys
import time
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

REQUESTS = 50
TARGET_MS = 100.0


def pages() -> list[tuple[str, str]]:
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
    return [
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
        ("public", f"/public/strategies/{strategy.pk}/"),
        ("sign in", "/accounts/login/"),
    ]


def large_pages() -> tuple[int, list[tuple[str, str]]]:
    from benchmarks.bench_reports import large_document
    from wellboard.exchange.load import load_strategy
    from wellboard.strategy.models import Action

    strategy = load_strategy(large_document(8))
    action = Action.objects.in_strategy(strategy).select_related("priority").first()
    assert action is not None
    strategy.published = True
    strategy.save()
    return Action.objects.in_strategy(strategy).count(), [
        ("overview", f"/strategies/{strategy.pk}/"),
        ("theme", f"/themes/{action.priority.theme_id}/"),
        ("priority", f"/priorities/{action.priority_id}/"),
        ("action", f"/actions/{action.pk}/"),
        ("action list", f"/actions/?strategy={strategy.pk}"),
        ("list filtered", f"/actions/?strategy={strategy.pk}&status=amber&q=health"),
        ("public", f"/public/strategies/{strategy.pk}/"),
    ]


def table(client: Client, anonymous: Client, targets: list[tuple[str, str]]) -> float:
    print(f"{'page':<15}{'median ms':>11}{'p95 ms':>9}{'queries':>9}{'KB':>7}")
    worst = 0.0
    for name, url in targets:
        public = url.startswith(("/public/", "/accounts/login/"))
        median, p95, queries = measure(anonymous if public else client, url)
        size = len(body((anonymous if public else client).get(url))) / 1024
        worst = max(worst, median)
        print(f"{name:<15}{median:>11.1f}{p95:>9.1f}{queries:>9}{size:>7.0f}")
    return worst


def body(response: Any) -> bytes:
    """The whole body, a streamed one (the CSV) read to its end."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return bytes(response.content)


def measure(client: Client, url: str) -> tuple[float, float, int]:
    client.get(url)  # warm caches (templates, content types)
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(url)
        body(response)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    p95 = statistics.quantiles(timings, n=20)[-1]
    return statistics.median(timings), p95, len(captured)


def main() -> int:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        targets = pages()
        client, anonymous = Client(), Client()
        client.force_login(User.objects.get(username="lead1"))
        from wellboard.strategy.models import Action

        print(f"demo: {Action.objects.count()} actions; {REQUESTS} requests per page")
        worst = table(client, anonymous, targets)
        count, large = large_pages()
        admin = Client()
        admin.force_login(User.objects.get(username="admin"))
        print(f"\n{count}-action plan, signed in as the administrator")
        worst_large = table(admin, anonymous, large)
        print(f"slowest median on the large plan {worst_large:.1f} ms")
        verdict = "within" if worst < TARGET_MS else "OVER"
        print(f"slowest median {worst:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
