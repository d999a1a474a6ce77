"""What the preview page shows, shaped from the run's stored document or changes."""

from __future__ import annotations

from datetime import date
from typing import Any

from wellboard.exchange.differences import change_rows, plan_state, reimport_preview
from wellboard.imports.models import ImportRun
from wellboard.imports.summary import FIELD_NAMES, shown


def _due(action: dict[str, Any]) -> str:
    """The parsed reading of the due wording, shown beside the wording itself."""
    if action.get("ongoing"):
        return "ongoing"
    if action.get("to_be_agreed"):
        return "to be agreed"
    end = action.get("due_end")
    return f"by {date.fromisoformat(end):%-d %b %Y}" if end else "no date understood"


def _plans(document: dict[str, Any]) -> list[dict[str, Any]]:
    main = {"title": document.get("plan_title") or "Main plan", "themes": document["themes"]}
    return [main, *document.get("plans", [])]


def _change_rows(changes: dict[str, Any]) -> list[dict[str, str]]:
    rows = []
    for change in changes["changed"]:
        for key, (old, new) in change["fields"].items():
            rows.append(
                {
                    "ref": change["ref"],
                    "field": FIELD_NAMES.get(key, key),
                    "before": shown(old),
                    "after": shown(new),
                }
            )
        if change["update"]:
            update = change["update"]
            rows.append(
                {
                    "ref": change["ref"],
                    "field": "new progress update",
                    "before": "",
                    "after": f"{shown(update['rag'])}, {shown(update['percent_complete'])}%: "
                    f"{update['text']}",
                }
            )
    return rows


def _reimport(run: ImportRun) -> dict[str, Any] | None:
    """Added, changed and missing actions when a document is imported over a strategy."""
    if run.target is None or run.document is None or run.status != ImportRun.Status.PARSED:
        return None
    preview = reimport_preview(run.document, run.target)
    return {**preview, "rows": change_rows(preview), "state": plan_state(run.target)}


def preview_context(run: ImportRun) -> dict[str, Any]:
    return {
        "run": run,
        "reimport": _reimport(run),
        "plans": _plans(run.document) if run.document else [],
        "change_rows": _change_rows(run.changes) if run.changes else [],
        "due_reading": _due,
    }
