"""Merging a document's milestones, progress updates and approvals into existing records.

These are the record of delivery and decisions: a re-import adds what the document has
that the strategy lacks and never deletes or rewrites what is there (#12.1). An update
is recognised by its date, wording, RAG, percentage, author and evidence link, so loading
an export of the strategy back adds nothing.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from wellboard.exchange.values import assign, iso, parse_date
from wellboard.strategy.delivery_cache import refresh_action
from wellboard.strategy.models import Action, ApprovalDecision, Milestone, ProgressUpdate, Strategy


def update_key(update: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two updates the same, for a document's update or an exported one."""
    return (
        update.get("date") or None,
        update.get("date_text") or "",
        update.get("text") or "",
        update.get("rag") or "",
        update.get("percent_complete"),
        update.get("author") or "",
        update.get("evidence_url") or "",
    )


def stored_update_key(update: ProgressUpdate) -> tuple[Any, ...]:
    return update_key(
        {
            "date": iso(update.date),
            "date_text": update.date_text,
            "text": update.text,
            "rag": update.rag,
            "percent_complete": update.percent_complete,
            "author": update.author_name,
            "evidence_url": update.evidence_url,
        }
    )


def new_updates(action: Action | None, updates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The document's updates the action does not have yet (all of them for a new action)."""
    have = Counter(stored_update_key(u) for u in action.updates.all()) if action else Counter()
    fresh = []
    for update in updates:
        key = update_key(update)
        if have[key]:
            have[key] -= 1
        else:
            fresh.append(update)
    return fresh


def add_new_updates(action: Action, updates: list[dict[str, Any]], *, created: bool) -> None:
    fresh = new_updates(None if created else action, updates)
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            action=action,
            date=parse_date(u["date"]),
            date_text=u["date_text"],
            text=u["text"],
            rag=u["rag"] or "",
            author_name=u["author"],
            percent_complete=u["percent_complete"],
            evidence_url=u["evidence_url"],
        )
        for u in fresh
    )
    if fresh:  # bulk_create sends no signal: keep the action's current delivery here
        refresh_action(action.pk)


def merge_milestones(action: Action, milestones: list[dict[str, Any]], *, created: bool) -> None:
    """Update milestones matched by title, add new ones; keep those the document dropped."""
    left = [] if created else list(action.milestones.all())
    for position, data in enumerate(milestones):
        title = " ".join(data["title"].split()).casefold()
        found = next((m for m in left if " ".join(m.title.split()).casefold() == title), None)
        milestone = found or Milestone(action=action)
        if found:
            left.remove(found)
        values = {
            "title": data["title"],
            "due_text": data["due_text"],
            "due_end": parse_date(data["due_end"]),
            "done_on": parse_date(data["done_on"]),
            "position": position,
        }
        if assign(milestone, values):
            milestone.save()


def merge_approvals(strategy: Strategy, approvals: list[dict[str, Any]]) -> None:
    """Add the document's approval decisions the strategy has not recorded yet."""
    have = Counter((a.body, a.date, a.decision, a.note) for a in strategy.approvals.all())
    for data in approvals:
        key = (data["body"], parse_date(data["date"]), data["decision"], data["note"])
        if have[key]:
            have[key] -= 1
            continue
        ApprovalDecision.objects.create(
            strategy=strategy, body=key[0], date=key[1], decision=key[2], note=key[3]
        )
