"""Time a re-import over a 300-action plan, and a backup and restore of its partnership.

The plan is bench_reports' 300-action document (the demo's actions, repeated); every
action then gets six dated updates (one reviewed, one correcting another) and a comment,
so the delivery history is of a board two years into a strategy. Figures: the re-import
of the same document and of one with every tenth action reworded (the in-place merge that
keeps history), the backup (rows, file size plain and gzipped), and the restore into the
emptied database (flush, catalogue reloaded), which includes its table-by-table check.

Target: each step under 60 seconds on the project's 2-core machine.
Run: make bench-backup  (or .venv/bin/python benchmarks/bench_backup.py)
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wellboard.settings")
os.environ.setdefault("WELLBOARD_ALLOW_INSECURE_KEY", "true")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from benchmarks.bench_reports import large_document  # noqa: E402

TARGET_S = 60.0


def add_history(strategy: Any) -> int:
    from django.contrib.auth.models import User

    from wellboard.strategy.models import Action, ActionComment, ProgressUpdate, UpdateReview

    user = User.objects.create_user("bench-reviewer")
    updates = []
    for action in Action.objects.in_strategy(strategy):
        for month in range(6):
            day = dt.date(2025, 4 + month, 28)
            updates.append(
                ProgressUpdate(action=action, date=day, text=f"Month {month}.", rag="green")
            )
    ProgressUpdate.objects.bulk_create(updates)
    reviewed = list(ProgressUpdate.objects.filter(text="Month 0."))
    UpdateReview.objects.bulk_create(
        UpdateReview(update=u, decision="approved", reviewer=user) for u in reviewed
    )
    ActionComment.objects.bulk_create(
        ActionComment(action=u.action, author=user, text="Thank you.") for u in reviewed
    )
    return len(updates)


def timed(label: str, work: Any) -> tuple[float, Any]:
    """Wall time, with this process's CPU time beside it (steadier on a shared machine)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    seconds = time.perf_counter() - start
    print(f"{label:<40}{seconds:>8.2f} s  (CPU {time.process_time() - cpu:.2f} s)")
    return seconds, result


def run(folder: Path) -> float:
    from wellboard.backup.document import build_backup, write_backup
    from wellboard.exchange.load import load_strategy
    from wellboard.indicators.catalogue import apply_catalogue, read_catalogue
    from wellboard.indicators.models import CatalogueEntry
    from wellboard.strategy.models import ProgressUpdate

    document = large_document(6)
    strategy = load_strategy(copy.deepcopy(document))
    add_history(strategy)
    print(f"Plan: 300 actions, {ProgressUpdate.objects.count()} progress updates")
    times = [
        timed(
            "re-import of the same document",
            lambda: load_strategy(copy.deepcopy(document), strategy=strategy),
        )[0]
    ]
    changed = copy.deepcopy(document)
    for n, theme in enumerate(changed["themes"]):
        for priority in theme["priorities"]:
            for action in priority["actions"][::10]:
                action["title"] += f" (revised {n})"
    times.append(
        timed(
            "re-import with 30 actions reworded", lambda: load_strategy(changed, strategy=strategy)
        )[0]
    )
    seconds, backup = timed(
        "backup (build the document)", lambda: build_backup(strategy.partnership)
    )
    times.append(seconds)
    plain, packed = folder / "p.json", folder / "p.json.gz"
    write_backup(backup, plain)
    write_backup(backup, packed)
    rows = sum(len(t["rows"]) for t in backup["tables"])
    print(
        f"backup: {rows} rows in {len(backup['tables'])} tables; "
        f"{plain.stat().st_size / 1e6:.1f} MB JSON, {packed.stat().st_size / 1e6:.1f} MB gzipped"
    )
    connection.check_constraints()
    call_command("flush", "--no-input", verbosity=0)
    apply_catalogue(CatalogueEntry, read_catalogue())
    times.append(
        timed(
            "restore into the emptied database",
            lambda: call_command("restore", str(packed), verbosity=0),
        )[0]
    )
    return max(times)


def main() -> int:
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with tempfile.TemporaryDirectory() as folder:
            worst = run(Path(folder))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    verdict = "PASS" if worst < TARGET_S else "FAIL"
    print(f"Slowest: {worst:.2f} s (target under {TARGET_S:.0f} s): {verdict}")
    return 0 if worst < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
