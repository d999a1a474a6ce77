"""Time every board report in every format on a 300-action plan, and every report as PDF
on a 400-action plan.

Each plan is the demo strategy's document (wellboard/demo/demo_plan.json) grown to
6 (or 8) themes x 5 priorities x 10 actions, reusing the demo's actions in turn, so text
lengths, dated updates, milestones and indicator links are those of a real-shaped plan.
It is loaded through the exchange loader into a throw-away test database. Each time is
one report built (statuses, roll-ups, filters) and rendered in this one process, the
slower of two runs; the PDF's page count is printed beside the 400-action times.

Target: under 5 seconds per report and format on the project's 2-core machine.
Run: make bench-reports  (or .venv/bin/python benchmarks/bench_reports.py)
"""

from __future__ import annotations

import copy
import datetime
import io
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wellboard.settings")
os.environ.setdefault("WELLBOARD_ALLOW_INSECURE_KEY", "true")

import django

django.setup()

from django.db import connection  # noqa: E402

PRIORITIES, ACTIONS = 5, 10
# (themes, formats): 300 actions in every format, 400 actions as PDF.
CASES: tuple[tuple[int, tuple[str, ...]], ...] = ((6, ()), (8, ("pdf",)))
RUNS = 2
TARGET_S = 5.0
AS_OF = "2026-11-23"


def large_document(themes_wanted: int) -> dict[str, Any]:
    from wellboard.demo.services import demo_document

    document = demo_document()
    source_themes: list[dict[str, Any]] = document["themes"]  # type: ignore[assignment]
    pool = [a for t in source_themes for p in t["priorities"] for a in p["actions"]]
    priorities = [p for t in source_themes for p in t["priorities"]]
    themes = []
    n = 0
    for ti in range(themes_wanted):
        theme = copy.deepcopy(source_themes[ti % len(source_themes)])
        theme["ref"], theme["title"] = str(ti + 1), f"{theme['title']} ({ti + 1})"
        theme["priorities"] = []
        for pi in range(PRIORITIES):
            priority = copy.deepcopy(priorities[(ti * PRIORITIES + pi) % len(priorities)])
            priority["ref"] = f"{ti + 1}.{pi + 1}"
            priority.pop("sub_plan", None)
            priority["actions"] = []
            for ai in range(ACTIONS):
                action = copy.deepcopy(pool[n % len(pool)])
                action["ref"] = f"{ti + 1}.{pi + 1}.{ai + 1}"
                priority["actions"].append(action)
                n += 1
            theme["priorities"].append(priority)
        themes.append(theme)
    document["themes"] = themes
    document["plans"] = []
    document["title"] = f"{document['title']} ({n} actions)"
    return document


def time_report(strategy: Any, kind: str, fmt: str) -> tuple[float, bytes]:
    """The slower of RUNS builds and renders, and the last file."""
    from wellboard.reports.build import produce
    from wellboard.reports.params import build_params

    today = datetime.date.fromisoformat(AS_OF)
    times, content = [], b""
    for _ in range(RUNS):
        start = time.perf_counter()
        content = produce(build_params(kind=kind, strategy=strategy, today=today), fmt).content
        times.append(time.perf_counter() - start)
    assert content
    return max(times), content


def pdf_pages(content: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(content)).pages)


def run_case(themes: int, formats: tuple[str, ...]) -> float:
    from wellboard.exchange.load import load_strategy
    from wellboard.reports.build import FORMATS, produce
    from wellboard.reports.params import build_params
    from wellboard.strategy.models import Action

    strategy = load_strategy(large_document(themes))
    count = Action.objects.in_plan(strategy.main_plan).count()
    print(f"Plan: {count} actions in {themes} themes; report date {AS_OF}")
    today = datetime.date.fromisoformat(AS_OF)
    produce(build_params(kind="exceptions", strategy=strategy, today=today), "pdf")  # warm
    formats = formats or tuple(FORMATS)
    pages_column = formats == ("pdf",)
    print(f"{'report':<12}" + "".join(f"{f:>10}" for f in formats) + "   (seconds)")
    worst = 0.0
    for kind in ("delivery", "annual", "exceptions"):
        line = f"{kind:<12}"
        for fmt in formats:
            seconds, content = time_report(strategy, kind, fmt)
            line += f"{seconds:>10.2f}"
            worst = max(worst, seconds)
            if pages_column:
                line += f"   ({pdf_pages(content)} pages)"
        print(line)
    print()
    return worst


def main() -> int:
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        worst = max(run_case(themes, formats) for themes, formats in CASES)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    verdict = "PASS" if worst < TARGET_S else "FAIL"
    print(f"Slowest: {worst:.2f} s (target under {TARGET_S:.0f} s): {verdict}")
    return 0 if worst < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
