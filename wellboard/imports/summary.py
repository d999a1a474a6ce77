"""Plain-language lines describing a plan sheet's changes (the CLI's --dry-run)."""

from __future__ import annotations

from typing import Any

from wellboard.core.spreadsheet_roundtrip import ChangeSet

FIELD_NAMES = {
    "title": "action",
    "leads": "leads",
    "supporting": "supporting",
    "due_text": "due",
    "outcome_measures": "outcome measures",
    "boards": "boards",
    "indicator_codes": "indicator codes",
    "theme": "theme",
    "priority": "priority",
}


def shown(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or "(none)"
    return str(value) if value not in (None, "") else "(blank)"


def change_lines(changes: ChangeSet) -> list[str]:
    lines = [
        f"{len(changes['changed'])} changed, {len(changes['new'])} new, "
        f"{len(changes['missing'])} missing from the sheet"
    ]
    for change in changes["changed"]:
        for key, (old, new) in change["fields"].items():
            lines.append(
                f"{change['ref']}: {FIELD_NAMES.get(key, key)}: {shown(old)} -> {shown(new)}"
            )
        if change["update"]:
            update = change["update"]
            lines.append(
                f"{change['ref']}: new update ({shown(update['rag'])}, "
                f"{shown(update['percent_complete'])}%): {update['text']}"
            )
    lines += [
        f"new: {n['theme']} / {n['priority']} / {n['action']['title']}" for n in changes["new"]
    ]
    lines += [f"missing: {m['ref']} {m['title']}" for m in changes["missing"]]
    lines += [f"warning: {w}" for w in changes["warnings"]]
    return lines
