"""What a re-import would do to a strategy's actions: added, changed, no longer in the file.

The preview is worked out from the same match the load uses (matching.py) and writes
nothing, so the CLI's --dry-run and the web import's preview page show exactly what the
confirm step will do.
"""

from __future__ import annotations

import hashlib
from typing import Any

from wellboard.core.exchange import dumps, with_defaults
from wellboard.exchange.export import export_action, export_strategy
from wellboard.exchange.matching import Match, document_plans, match_document, walk
from wellboard.exchange.progress import new_updates
from wellboard.exchange.references import References
from wellboard.strategy.models import Action, Strategy

COMPARED = {
    "ref": "ref",
    "title": "action",
    "description": "description",
    "leads": "leads",
    "supporting": "supporting",
    "lead_officer": "lead officer",
    "due_text": "due",
    "ongoing": "ongoing",
    "outcome_measures": "outcome measures",
    "boards": "boards",
    "indicator_codes": "indicator codes",
    "links": "other strategies",
    "role_type": "role",
    "percent_complete": "percent complete",
    "milestones": "milestones",
}


def _where(plans: list[dict[str, Any]], path: tuple[int, ...]) -> str:
    theme = plans[path[0]]["themes"][path[1]]
    priority = theme["priorities"][path[2]]
    return f"{theme['title']} / {priority['title']}"


def _labels(refs: References, labels: list[str]) -> list[str]:
    """Organisations named by acronym or name, as the strategy's export names them."""
    return [
        refs.organisations[label].label if label in refs.organisations else label
        for label in labels
    ]


def _field_changes(action: Action, data: dict[str, Any], refs: References) -> dict[str, list[Any]]:
    have = export_action(action)
    wanted = {**data, "leads": _labels(refs, data["leads"])}
    wanted["supporting"] = _labels(refs, data["supporting"])
    have_milestones = {
        (m["title"], m["due_text"], m["due_end"], m["done_on"]) for m in have["milestones"]
    }
    fields = {
        key: [have[key], wanted[key]]
        for key in COMPARED
        if key != "milestones" and have[key] != wanted[key]
    }
    if any(
        (m["title"], m["due_text"], m["due_end"], m["done_on"]) not in have_milestones
        for m in data["milestones"]
    ):
        fields["milestones"] = [
            [m["title"] for m in have["milestones"]],
            [m["title"] for m in data["milestones"]],
        ]
    return fields


def _moved(action: Action, plans: list[dict[str, Any]], path: tuple[int, ...]) -> list[str] | None:
    before = f"{action.priority.theme.title} / {action.priority.title}"
    after = _where(plans, path)
    return [before, after] if " ".join(before.split()) != " ".join(after.split()) else None


def reimport_preview(document: dict[str, Any], strategy: Strategy) -> dict[str, Any]:
    """Actions the document adds, changes (field by field, new updates) and no longer has."""
    plans = document_plans(with_defaults(document))
    match: Match = match_document(strategy, plans)
    refs = References(strategy.partnership)
    added, changed, unchanged = [], [], 0
    for path, data in walk(plans, 3):
        action = match.actions.get(path)
        if action is None:
            added.append({"ref": data["ref"], "title": data["title"], "where": _where(plans, path)})
            continue
        fields = _field_changes(action, data, refs)
        moved = _moved(action, plans, path)
        if moved:
            fields["place"] = moved
        updates = len(new_updates(action, data["updates"]))
        if fields or updates:
            changed.append(
                {
                    "id": action.pk,
                    "ref": action.ref,
                    "title": action.title,
                    "fields": fields,
                    "new_updates": updates,
                }
            )
        else:
            unchanged += 1
    missing = [
        {"id": a.pk, "ref": a.ref, "title": a.title}
        for a in match.missing_actions
        if a.archived_at is None
    ]
    return {"added": added, "changed": changed, "missing": missing, "unchanged": unchanged}


def plan_state(strategy: Strategy) -> str:
    """A digest of what a re-import would overwrite (everything but the append-only
    updates), so a confirm can tell that the plan was edited after its preview."""
    document = export_strategy(strategy)
    for _, action in walk(document_plans(document), 3):
        action.pop("updates")
    return hashlib.sha256(dumps(document).encode()).hexdigest()


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or "(none)"
    return str(value) if value not in (None, "") else "(blank)"


def change_rows(preview: dict[str, Any]) -> list[dict[str, str]]:
    """One row per changed field or batch of new updates: ref, what, was, becomes."""
    rows = []
    for change in preview["changed"]:
        label = change["ref"] or change["title"][:60]
        for key, (old, new) in change["fields"].items():
            what = COMPARED.get(key, "theme / priority")
            rows.append({"ref": label, "field": what, "before": _shown(old), "after": _shown(new)})
        if change["new_updates"]:
            count = change["new_updates"]
            rows.append(
                {"ref": label, "field": "progress updates", "before": "", "after": f"{count} added"}
            )
    return rows


def preview_lines(preview: dict[str, Any], *, archive: bool) -> list[str]:
    """The plain-text preview the CLI's --dry-run prints."""
    fate = "to be archived" if archive else "kept; --archive-missing archives them"
    lines = [
        f"{len(preview['added'])} actions added, {len(preview['changed'])} changed, "
        f"{len(preview['missing'])} no longer in the file ({fate}), "
        f"{preview['unchanged']} unchanged"
    ]
    lines += [
        f"added: {a['ref']} {a['title']} ({a['where']})".replace("  ", " ")
        for a in preview["added"]
    ]
    lines += [
        f"changed: {r['ref']}: {r['field']}: "
        + (f"{r['before']} -> {r['after']}" if r["before"] else r["after"])
        for r in change_rows(preview)
    ]
    lines += [
        f"no longer in the file: {m['ref']} {m['title']}".replace("  ", " ")
        for m in preview["missing"]
    ]
    return lines
