"""Time every board report in every format on a 300-action plan.

The plan is the demo strategy's document (wellboard/demo/demo_plan.json) grown to
6 themes x 5 priorities x 10 actions, reusing the demo's actions in turn, so text
lengths, dated updates, milestones and indicator links are those of a real-shaped plan.
It is loaded through the exchange loader into a throw-away test database. Each time is
one report built (statuses, roll-ups, filters) and rendered, the slower of two runs.

Target: under 5 seconds per report and format on the project's 2-core machine.
Run: make bench-reports  (or .venv/bin/python benchmarks/bench_reports.py)
"""

from __future__ import annotations

import copy
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

THEMES, PRIORITIES, ACTIONS = 6, 5, 10
RUNS = 2
TARGET_S = 5.0
AS_OF = "2026-11-23"


def large_document() -> dict[str, Any]:
    from wellboard.demo.services import demo_document

    document = demo_document()
    source_themes: list[dict[str, Any]] = document["themes"]  # type: ignore[assignment]
    pool = [a for t in source_themes for p in t["priorities"] for a in p["actions"]]
    priorities = [p for t in source_themes for p in t["priorities"]]
    themes = []
    n = 0
    for ti in range(THEMES):
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
    document["title"] = f"{document['title']} (300 actions)"
    return document


def main() -> int:
    from wellboard.exchange.load import load_strategy
    from wellboard.reports.build import FORMATS, produce
    from wellboard.reports.params import build_params
    from wellboard.strategy.models import Action

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        strategy = load_strategy(large_document())
        count = Action.objects.filter(priority__theme__plan=strategy.main_plan).count()
        print(f"Plan: {count} actions in {THEMES} themes; report date {AS_OF}\n")
        today = __import__("datetime").date.fromisoformat(AS_OF)
        produce(build_params(kind="exceptions", strategy=strategy, today=today), "pdf")  # warm
        kinds = ("delivery", "annual", "exceptions")
        print(f"{'report':<12}" + "".join(f"{f:>10}" for f in FORMATS) + "   (seconds)")
        worst = 0.0
        for kind in kinds:
            line = f"{kind:<12}"
            for fmt in FORMATS:
                times, size = [], 0
                for _ in range(RUNS):
                    start = time.perf_counter()
                    params = build_params(kind=kind, strategy=strategy, today=today)
                    size = len(produce(params, fmt).content)
                    times.append(time.perf_counter() - start)
                line += f"{max(times):>10.2f}"
                worst = max(worst, max(times))
                assert size > 0
            print(line)
        verdict = "PASS" if worst < TARGET_S else "FAIL"
        print(f"\nSlowest: {worst:.2f} s (target under {TARGET_S:.0f} s): {verdict}")
        return 0 if worst < TARGET_S else 1
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
