"""Time the board reports as PDF when one action holds the longest texts Wellboard allows.

One action with 100,000 characters once made the delivery PDF take 52 s and fail for
every member (issue #12.9). Now every long text has a limit (wellboard/core/limits.py);
this checks that a plan whose longest action fills every one of its texts to the limit
(title, description, outcome measures, its latest update and override reason, its
milestones) still renders in reasonable time. The plan is bench_reports.py's 300-action
plan; one action in it is grown, then the delivery, annual and exception reports are
built and drawn as PDF, beside the same plan untouched; `--before` adds the
issue's case (each long text of the action 100,000 characters) for comparison.

Target: the longest action adds under half to any report's time (CPU seconds, as the
machine is shared); bench_reports.py holds the absolute target for the plan itself.
Run: .venv/bin/python benchmarks/bench_long_text.py  (part of make bench-reports)
"""

from __future__ import annotations

import datetime
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_reports import AS_OF, large_document, pdf_pages
from django.db import connection

THEMES = 6
TARGET_RATIO = 1.5
KINDS = ("delivery", "annual", "exceptions")
# The case, stored past the limits as a row written before them could be.
BEFORE_LIMITS = 100_000


def longest(limit: int, opening: str) -> str:
    """Text of exactly `limit` characters in sentences, as a pasted report would read."""
    sentence = " Families told the hub what would help and the partners changed the offer."
    return (opening + sentence * (limit // len(sentence) + 1))[:limit]


def grow(action: Any, over: int = 0) -> None:
    """Fill every long text of the action, its latest update and its milestones to the
    limit, or, with `over`, each of its long texts to `over` characters (as a row written
    before the limits could hold)."""
    from wellboard.core.limits import LONG_TEXT, TITLE_TEXT
    from wellboard.strategy.models import Action, Milestone, ProgressUpdate

    long, title = (over, over) if over else (LONG_TEXT, TITLE_TEXT)
    Action.objects.filter(pk=action.pk).update(
        title=longest(title, "Run family cooking clubs."),
        description=longest(long, "Why."),
        outcome_measures=longest(long, "Measures."),
    )
    latest = ProgressUpdate.objects.filter(action=action).order_by("-date", "-pk").first()
    if latest is None:
        latest = ProgressUpdate.objects.create(action=action, rag="amber", text="")
    ProgressUpdate.objects.filter(pk=latest.pk).update(
        text=longest(long, "Progress."), override_reason=longest(long, "Because.")
    )
    title_max = Milestone._meta.get_field("title").max_length
    milestone_title = longest(title_max, "Milestone.")
    if not Milestone.objects.filter(action=action).update(title=milestone_title):
        Milestone.objects.create(action=action, title=milestone_title)


def measure(strategy: Any, label: str, kinds: tuple[str, ...] = KINDS) -> dict[str, float]:
    """Each report built and drawn once; wall time and this process's CPU time (the
    machine is shared, so CPU time is the figure to compare between runs)."""
    from wellboard.reports.build import produce
    from wellboard.reports.params import build_params

    today = datetime.date.fromisoformat(AS_OF)
    seconds = {}
    for kind in kinds:
        wall, cpu = time.perf_counter(), time.process_time()
        content = produce(build_params(kind=kind, strategy=strategy, today=today), "pdf").content
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        seconds[kind] = cpu
        pages = pdf_pages(content)
        print(f"{label:<26}{kind:<12}{wall:>8.2f} s wall {cpu:>8.2f} s CPU   ({pages} pages)")
    return seconds


def main() -> int:
    from wellboard.exchange.load import load_strategy
    from wellboard.strategy.models import Action

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        strategy = load_strategy(large_document(THEMES))
        actions = Action.objects.in_plan(strategy.main_plan)
        print(f"Plan: {actions.count()} actions; PDF reports")
        first = actions.order_by("pk").first()
        plain = measure(strategy, "as loaded")
        grow(first)
        grown = measure(strategy, "one action at the limits")
        if "--before" in sys.argv:  # the case, for comparison (slow)
            grow(first, over=BEFORE_LIMITS)
            measure(strategy, f"texts of {BEFORE_LIMITS:,}", ("delivery",))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    ratio = max(grown[kind] / plain[kind] for kind in KINDS)
    verdict = "PASS" if ratio < TARGET_RATIO else "FAIL"
    print(f"Longest action: at most {ratio:.2f} x the plan's time (< {TARGET_RATIO}): {verdict}")
    return 0 if ratio < TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
