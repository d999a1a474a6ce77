"""Time every board report in every format on a 300-action plan, every report as PDF on a
400-action plan, and the delivery report's PDF stage by stage at both sizes.

Each plan is the demo strategy's document (wellboard/demo/demo_plan.json) grown to
6 (or 8) themes x 5 priorities x 10 actions, reusing the demo's actions in turn, so text
lengths, dated updates, milestones and indicator links are those of a real-shaped plan.
It is loaded once, through the exchange loader, into a throw-away test database; only the
reports are timed. Each time is one report built (statuses, roll-ups, filters) and
rendered in this one process, the slower of two runs, as wall and CPU seconds: the
machine is shared, so CPU time (time.process_time) is the figure to compare between runs,
and the load average is printed beside it.

The delivery PDF is also split into its stages: data (the queries and the report's
blocks), HTML (the template), layout (WeasyPrint parsing, styling and breaking lines)
and write (drawing the pages and embedding fonts), through the same functions
wellboard/reports/renderers/pdf_renderer.py calls.

Measured and not kept (Liberation Sans and HarfBuzz subsetting, interleaved runs, the
least CPU of two, at load 10-13, where the noise is about 10%): the print CSS already sets
`table-layout: fixed`, so no cell's min/max-content width is computed. On the 400-action
PDF (layout 12.0-12.2 s as it is), turning off ligatures (11.8), kerning and ligatures
(13.4), `orphans`/`widows: 1` (13.3), separate borders (13.0) and one footer margin box
instead of two (12.4) moved layout and write by less than the noise; dropping both footers
(11.2) is not an option. On 50 actions, one font family instead of the fallback list and
`overflow-wrap: normal` were within the noise too, and `write_pdf(full_fonts=True)` (with
fontTools subsetting) saved nothing measurable for 780 KB more. Layout is linear in pages
(0.17 s a page at that load) and goes to WeasyPrint's per-line work: Pango breaking each
line (about 30% under cProfile) and building and placing each line's boxes.

Measured next (issue #17 item 6; WeasyPrint 70.0, the newest; the 400-action delivery
HTML saved once and laid out and written again and again in one process, variants
interleaved, median of 3-4 runs, load 11-22, where one run of the bench itself swings
between 7 and 11 s of layout CPU): the PDF has 10,791 line boxes in 4,786 table cells on
72 pages (per action column: who responsible 2,279 lines, progress 2,420, measures 1,741,
title 1,202, status 1,053). Layout plus write fits 3.8 s + 0.65 ms per line box at that
load (the fixed part is parsing, styling, pages and drawing every glyph); the number of
cells matters little (3 columns: 57% fewer cells, 36% fewer lines, 28% less time). The
words are the words, so only wider lines make fewer line boxes:
  as it is (8 columns)                              layout 7.65  write 3.18  72 pages
  3 columns (title, who, due and indicators in one
    cell; status; measures and progress in one)     layout 5.39  write 2.45  73 pages  -28%
  2 rows per action (6 short cells, then measures
    and progress across the row)                    layout 5.57  write 2.51  75 pages  -25%
  each action a block of full-width paragraphs
    (who, due, indicators on one line)              layout 3.71  write 1.92  58 pages  -48%
  A3 paper or 5pt cell text (earlier runs)          -15% to -25%
and, not moving it beyond the noise: borders as rules between rows only, or none at all
(draw_collapsed_borders is a small part of write); `white-space: pre-wrap` instead of
pre-line (Pango asked once less per line; layout -5%, write unchanged, and it would keep
typed double spaces). None is kept: the quickest layout keeps every word but sets 200
characters to a line and drops the column headers a reader finds the status by, and even
it would leave the bench at about 6.5 CPU s on a quiet machine (12.4 today). So with
WeasyPrint the 400-action report needs either less text than the plan holds or a
layout boards have not asked for to reach 5 s; the figures are here for that decision.

Target: under 5 seconds per report and format on the project's 2-core machine, judged on
CPU seconds (one process, one thread: on an idle machine wall time is the same).
Run: make bench-reports  (or .venv/bin/python benchmarks/bench_reports.py)
     --stages-only: only the delivery PDF's stages (both sizes), for quick comparisons;
     --profile N: also print the N costliest functions (cProfile, cumulative) of one
     400-action delivery PDF.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import datetime
import io
import os
import pstats
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wellboard.settings")
os.environ.setdefault("WELLBOARD_ALLOW_INSECURE_KEY", "true")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PRIORITIES, ACTIONS = 5, 10
# (themes, formats): 300 actions in every format, 400 actions as PDF.
CASES: tuple[tuple[int, tuple[str, ...]], ...] = ((6, ()), (8, ("pdf",)))
RUNS = 2
TARGET_S = 5.0
AS_OF = "2026-11-23"
T = TypeVar("T")


def load() -> str:
    """The 1-, 5- and 15-minute load averages: the machine is shared."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def environment() -> str:
    """The font and subsetter WeasyPrint works with here: the figures depend on them.

    The Makefile's Debian packages give Liberation Sans and HarfBuzz's subsetter; without
    them text falls back to a wider font (more pages to lay out) and fonts are subset by
    fontTools in Python (a slower write)."""
    from weasyprint.text.ffi import harfbuzz_subset

    font = "unknown (no fc-match)"
    if shutil.which("fc-match"):
        run = subprocess.run(
            ["fc-match", "-f", "%{family[0]}", "Liberation Sans"],
            capture_output=True,
            text=True,
            check=False,
        )
        font = run.stdout.strip() or "unknown"
    subsetter = "HarfBuzz" if harfbuzz_subset is not None else "fontTools (no libharfbuzz-subset0)"
    return f"'Liberation Sans' resolves to {font}; fonts subset by {subsetter}"


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


def timed(work: Callable[[], T]) -> tuple[float, float, T]:
    """Wall and CPU seconds of one call, and its result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def time_report(strategy: Any, kind: str, fmt: str) -> tuple[float, float, bytes]:
    """Wall and CPU seconds of the slower of RUNS builds and renders, and the last file."""
    from wellboard.reports.build import produce
    from wellboard.reports.params import build_params

    today = datetime.date.fromisoformat(AS_OF)
    params = build_params(kind=kind, strategy=strategy, today=today)
    runs = [timed(lambda: produce(params, fmt).content) for _ in range(RUNS)]
    wall, cpu, content = max(runs, key=lambda run: run[0])
    assert content
    return wall, cpu, content


def pdf_pages(content: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(content)).pages)


def delivery_stages(strategy: Any) -> dict[str, tuple[float, float]]:
    """(wall, CPU) seconds of each stage of one delivery PDF, and the page count."""
    from wellboard.reports.build import build_report
    from wellboard.reports.params import build_params
    from wellboard.reports.renderers.html_renderer import render_standalone
    from wellboard.reports.renderers.pdf_renderer import lay_out, write

    params = build_params(
        kind="delivery", strategy=strategy, today=datetime.date.fromisoformat(AS_OF)
    )
    stages: dict[str, tuple[float, float]] = {}
    with CaptureQueriesContext(connection) as queries:
        stages["data"] = timed(lambda: build_report(params))[:2]
    report = build_report(params)
    wall, cpu, html = timed(lambda: render_standalone(report))
    stages["html"] = wall, cpu
    wall, cpu, document = timed(lambda: lay_out(html))
    stages["layout"] = wall, cpu
    wall, cpu, content = timed(lambda: write(document))
    stages["write"] = wall, cpu
    stages["total"] = tuple(sum(s[i] for s in stages.values()) for i in (0, 1))  # type: ignore[assignment]
    print(
        f"  {len(queries)} queries, {len(html) / 1024:.0f} KB of HTML, "
        f"{len(document.pages)} pages, {len(content) / 1024:.0f} KB of PDF"
    )
    return stages


def print_stages(strategy: Any, count: int) -> float:
    """The delivery PDF's stages, the slower of RUNS by total wall time; its CPU total."""
    print(f"Delivery PDF, {count} actions, by stage (load {load()}):")
    runs = [delivery_stages(strategy) for _ in range(RUNS)]
    stages = max(runs, key=lambda run: run["total"][0])
    print(f"  {'stage':<8}{'wall s':>9}{'CPU s':>9}")
    for name, (wall, cpu) in stages.items():
        print(f"  {name:<8}{wall:>9.2f}{cpu:>9.2f}")
    return stages["total"][1]


def profile(strategy: Any, top: int) -> None:
    """The costliest functions of one delivery PDF (cumulative time)."""
    from wellboard.reports.build import produce
    from wellboard.reports.params import build_params

    params = build_params(
        kind="delivery", strategy=strategy, today=datetime.date.fromisoformat(AS_OF)
    )
    profiler = cProfile.Profile()
    profiler.runcall(lambda: produce(params, "pdf"))
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def formats_table(strategy: Any, formats: tuple[str, ...]) -> float:
    """Every report in the formats given, wall/CPU seconds; the most CPU seconds."""
    from wellboard.reports.build import FORMATS

    formats = formats or tuple(FORMATS)
    pages_column = formats == ("pdf",)
    print(f"{'report':<12}" + "".join(f"{f:>14}" for f in formats) + "   (wall/CPU seconds)")
    worst = 0.0
    for kind in ("delivery", "annual", "exceptions"):
        line = f"{kind:<12}"
        for fmt in formats:
            wall, cpu, content = time_report(strategy, kind, fmt)
            line += f"{wall:>8.2f}/{cpu:<5.2f}"
            worst = max(worst, cpu)
            if pages_column:
                line += f"   ({pdf_pages(content)} pages)"
        print(line)
    return worst


def run_case(themes: int, formats: tuple[str, ...], args: argparse.Namespace) -> float:
    from wellboard.exchange.load import load_strategy
    from wellboard.reports.build import produce
    from wellboard.reports.params import build_params
    from wellboard.strategy.models import Action

    strategy = load_strategy(large_document(themes))
    count = Action.objects.in_plan(strategy.main_plan).count()
    print(f"Plan: {count} actions in {themes} themes; report date {AS_OF}; load {load()}")
    today = datetime.date.fromisoformat(AS_OF)
    produce(build_params(kind="exceptions", strategy=strategy, today=today), "pdf")  # warm
    worst = print_stages(strategy, count)
    if args.profile and themes == CASES[-1][0]:
        profile(strategy, args.profile)
    if not args.stages_only:
        worst = max(worst, formats_table(strategy, formats))
    print()
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stages-only", action="store_true")
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    args = parser.parse_args()
    print(f"Environment: {environment()}")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        worst = max(run_case(themes, formats, args) for themes, formats in CASES)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    verdict = "PASS" if worst < TARGET_S else "FAIL"
    print(f"Slowest: {worst:.2f} CPU s (target under {TARGET_S:.0f} s): {verdict}; load {load()}")
    return 0 if worst < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
