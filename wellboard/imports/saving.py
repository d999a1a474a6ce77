"""Saving what was read: a new strategy, a strategy re-imported over, or sheet changes."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from wellboard.exchange.differences import plan_state
from wellboard.exchange.export import export_strategy
from wellboard.exchange.load import load_strategy
from wellboard.imports.models import ImportRun
from wellboard.imports.reading import SHEET, count
from wellboard.imports.roundtrip import apply_changes
from wellboard.partnerships.models import Partnership
from wellboard.strategy.delivery_cache import deferred_refresh
from wellboard.strategy.models import Strategy

# What belongs to the strategy rather than to its plans: importing a document over a
# strategy updates the plans in place and keeps these, since a parsed document has none of them.
KEPT_ON_REIMPORT = (
    "title",
    "summary",
    "period_start",
    "period_end",
    "status",
    "published",
    "approvals",
)


def save_document(
    document: dict[str, Any],
    *,
    partnership: Partnership,
    strategy: Strategy | None = None,
    archive_missing: bool = False,
    user: Any = None,
) -> Strategy:
    """Save a new strategy, or update `strategy` in place keeping its delivery history."""
    if strategy is not None:
        existing = export_strategy(strategy)
        document = {**document, **{key: existing[key] for key in KEPT_ON_REIMPORT}}
    return load_strategy(
        document,
        strategy=strategy,
        partnership=partnership,
        archive_missing=archive_missing,
        user=user,
    )


@transaction.atomic
@deferred_refresh()
def apply_run(
    run: ImportRun,
    *,
    user: Any = None,
    delete_missing: bool = False,
    archive_missing: bool = False,
    today: date | None = None,
) -> Strategy:
    """Save a parsed run in one transaction and record the outcome on it."""
    if run.status not in (ImportRun.Status.PARSED, ImportRun.Status.APPLYING):
        raise ValueError(f"import {run.pk} is {run.get_status_display().lower()}, not ready")
    if run.kind == SHEET:
        assert run.target is not None and run.changes is not None
        strategy = run.target
        apply_changes(
            strategy,
            run.changes,
            delete_missing=delete_missing,
            user=user,
            today=today or timezone.localdate(),
        )
    else:
        assert run.document is not None
        strategy = save_document(
            run.document,
            partnership=run.partnership,
            strategy=run.target,
            archive_missing=archive_missing,
            user=user,
        )
    run.result_strategy = strategy
    run.status = ImportRun.Status.APPLIED
    run.applied_at = timezone.now()
    run.source = None
    run.save()
    return strategy


def edited_since_preview(run: ImportRun, state: str) -> bool:
    """A document imported over a plan that changed after the preview would undo that edit.

    The plan is locked until the transaction ends, so no edit slips in before the load.
    """
    if run.target is None or run.kind == SHEET:
        return False
    locked = Strategy.objects.select_for_update().get(pk=run.target.pk)
    return state != plan_state(locked)


def record_counts(run: ImportRun) -> None:
    if run.document is not None:
        run.themes, run.priorities, run.actions = count(run.document)
    elif run.changes is not None:
        run.actions = len(run.changes["changed"]) + len(run.changes["new"])
