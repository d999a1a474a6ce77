"""Turning the cells of one plan-table row into exchange-format actions.

When an action cell holds several actions (one paragraph or bullet each), the
ref, lead, lead officer, supporting and due cells are shared out by position
if they hold exactly as many paragraphs (or numbered groups, "1. Public Health,
CCG") as there are actions; otherwise every action of the row gets the whole
cell, and a warning says so. People and job titles in the lead cell are lead
officers (lead_people). Measures, governance, indicator codes,
links and progress always apply to every action of the row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from wellboard.core.dates import parse_due
from wellboard.core.indicator_codes import scan_codes
from wellboard.core.limits import REF_TEXT
from wellboard.core.parsing.lead_people import split_people
from wellboard.core.parsing.progress_notes import read_rag, split_updates
from wellboard.core.parsing.text_rules import (
    leading_ref,
    make_title,
    split_boards,
    split_list,
    split_names,
)

RowValues = dict[str, list[str]]
Warn = Callable[[str], None]

ALIGNED = ("ref", "lead", "lead_officer", "supporting", "due")

# The exchange format's limit on a due wording. A longer "by when" cell is a paragraph, not
# a date: its whole text goes to the action's description, and its first sentence stays.
DUE_TEXT_MAX = 300


def empty_action(title: str) -> dict[str, Any]:
    return {
        "ref": "",
        "title": title,
        "description": "",
        "leads": [],
        "lead_officer": "",
        "supporting": [],
        "due_text": "",
        "due_start": None,
        "due_end": None,
        "due_precision": "",
        "ongoing": False,
        "to_be_agreed": False,
        "outcome_measures": "",
        "boards": [],
        "indicator_codes": [],
        "links": [],
        "role_type": "",
        "percent_complete": None,
        "milestones": [],
        "updates": [],
    }


def build_actions(items: list[list[str]], values: RowValues, warn: Warn) -> list[dict[str, Any]]:
    """One action per item of the action cell, sharing the row's other cells."""
    count = len(items)
    if note := shared_leads_note(count, values):
        warn(note)
    shared = _shared_fields(values, warn)
    actions = []
    for index, item in enumerate(items):
        action = empty_action("")
        text = "\n".join(item)
        ref, text = _ref(values, index, count, text)
        action["title"], action["description"] = make_title(text)
        action["ref"] = ref
        leads, people = split_people(split_names(_pick(values, "lead", index, count)))
        officers = split_names(_pick(values, "lead_officer", index, count))
        action["leads"] = leads
        action["lead_officer"] = ", ".join(officers + [p for p in people if p not in officers])
        action["supporting"] = split_names(_pick(values, "supporting", index, count))
        due_text = "\n".join(_pick(values, "due", index, count))
        action.update(due_fields(_short_due_wording(action, due_text)))
        action.update({key: _copy(value) for key, value in shared.items()})
        actions.append(action)
    return actions


def merge_continuation(action: dict[str, Any], values: RowValues, warn: Warn) -> None:
    """Fold a row with no action text into the action above it.

    Its measures extend the action's; a different due date becomes a
    milestone (titled by the row's measure), since such rows list the steps
    of one action.
    """
    measures = "\n".join(values.get("measures", []))
    if measures:
        action["outcome_measures"] = "\n".join(filter(None, [action["outcome_measures"], measures]))
    due_text = _short_due_wording(action, "\n".join(values.get("due", [])))
    if due_text and not action["due_text"]:
        fields = due_fields(due_text)
        action["milestones"].extend(fields.pop("milestones", []))
        action.update(fields)
    elif due_text and due_text != action["due_text"]:
        due = parse_due(" ".join(due_text.split()))
        title = (
            make_title(measures)[0] if measures else f"Milestone {len(action['milestones']) + 1}"
        )
        action["milestones"].append(
            {
                "title": title,
                "due_text": due_text,
                "due_end": due.end.isoformat() if due.end else None,
                "done_on": None,
            }
        )
    for key, names in (
        ("leads", split_names(values.get("lead", []))),
        ("supporting", split_names(values.get("supporting", []))),
    ):
        _extend(action[key], names)
    shared = _shared_fields(values, warn)
    for key in ("boards", "indicator_codes", "links"):
        _extend(action[key], shared[key])
    if shared["updates"]:
        action["updates"] = _oldest_first(action["updates"] + shared["updates"])
    if shared["percent_complete"] is not None:
        action["percent_complete"] = shared["percent_complete"]


def _short_due_wording(action: dict[str, Any], due_text: str) -> str:
    if len(due_text) <= DUE_TEXT_MAX:
        return due_text
    note = f"When, as written: {due_text}"
    action["description"] = "\n\n".join(filter(None, [action["description"], note]))
    return make_title(due_text)[0]


def due_fields(due_text: str) -> dict[str, Any]:
    """The due_* keys of an action from the due cell as written.

    A cell with several dates is due at the latest; each earlier one becomes a milestone,
    so that no date the board wrote is lost.
    """
    if not due_text:
        return {}
    due = parse_due(" ".join(due_text.split()))
    fields: dict[str, Any] = {
        "due_text": due_text,
        "due_start": due.start.isoformat() if due.start else None,
        "due_end": due.end.isoformat() if due.end else None,
        "due_precision": str(due.precision),
        "ongoing": due.ongoing,
        "to_be_agreed": due.to_be_agreed,
    }
    if due.earlier:
        fields["milestones"] = [
            {"title": f"By {wording}", "due_text": wording, "due_end": end.isoformat(),
             "done_on": None}
            for wording, end in due.earlier
        ]  # fmt: skip
    return fields


def row_codes(values: RowValues, warn: Warn) -> list[str]:
    """Indicator codes from the codes column, and any cited by name in the measures."""
    codes: list[str] = []
    for text in values.get("indicator_codes", []):
        scan = scan_codes(text)
        _extend(codes, scan.codes)
        if scan.leftovers:
            warn(f"not read as indicator codes: {'; '.join(scan.leftovers)}")
    for text in values.get("measures", []):
        _extend(codes, scan_codes(text, strict=True).codes)
    return codes


def _shared_fields(values: RowValues, warn: Warn) -> dict[str, Any]:
    updates = split_updates("\n".join(values.get("progress", [])))
    rag_text = " ".join(values.get("rag", []))
    if rag_text:
        _apply_rag(updates, rag_text, warn)
    return {
        "outcome_measures": "\n".join(values.get("measures", [])),
        "boards": split_boards(values.get("governance", [])),
        "indicator_codes": row_codes(values, warn),
        "links": split_list(values.get("links", [])),
        "updates": updates,
        "percent_complete": _percent(" ".join(values.get("percent", [])), warn),
    }


def _apply_rag(updates: list[dict[str, Any]], rag_text: str, warn: Warn) -> None:
    """A status column's value goes on the latest update (a new one if there is none)."""
    rag = read_rag(f"RAG: {rag_text}")
    if rag is None:
        warn(f"status {rag_text!r} not understood (expected red, amber, green or complete)")
        return
    if updates and updates[-1]["rag"] is None:
        updates[-1]["rag"] = rag
    elif not updates:
        updates.extend(split_updates(f"Status: {rag_text}"))


def _percent(text: str, warn: Warn) -> int | None:
    digits = text.strip().rstrip("%").strip()
    if not digits:
        return None
    try:
        value = float(digits)
    except ValueError:
        warn(f"percent complete {text!r} is not a number")
        return None
    if 0 < value <= 1 and "." in digits:
        value *= 100
    if not 0 <= value <= 100:
        warn(f"percent complete {text!r} is not between 0 and 100")
        return None
    return round(value)


def _ref(values: RowValues, index: int, count: int, text: str) -> tuple[str, str]:
    """The action's reference; a reference cell too long to be one (a misread column) is
    kept at the end of the action's text instead, and the action is numbered."""
    refs = values.get("ref", [])
    if not refs:
        return leading_ref(text, dotted_only=True)
    if count > 1 and len(refs) == count:
        ref = refs[index]
    else:
        joined = " ".join(refs)
        ref = f"{joined}{_letter(index)}" if count > 1 else joined
    if len(ref) > REF_TEXT:
        return "", f"{text}\n{ref}"
    return ref, text


def _letter(index: int) -> str:
    return chr(ord("a") + index) if index < 26 else f".{index + 1}"


def _pick(values: RowValues, key: str, index: int, count: int) -> list[str]:
    paragraphs = values.get(key, [])
    if count > 1 and key in ALIGNED:
        groups = lead_groups(paragraphs)
        if len(groups) == count:
            return groups[index]
    return paragraphs


_GROUP_START = re.compile(r"^\(?(?:\d{1,2}|[a-z])[.)]\s+")


def lead_groups(paragraphs: list[str]) -> list[list[str]]:
    """A cell's groups: numbered ("1. Public Health, CCG" "2. ...") or one per paragraph.

    Under a number, unnumbered paragraphs belong to the group above.
    """
    if not any(_GROUP_START.match(p) for p in paragraphs):
        return [[p] for p in paragraphs]
    groups: list[list[str]] = []
    for paragraph in paragraphs:
        text = _GROUP_START.sub("", paragraph)
        if _GROUP_START.match(paragraph) or not groups:
            groups.append([text])
        else:
            groups[-1].append(text)
    return groups


def shared_leads_note(items: int, values: RowValues) -> str:
    """What the preview says when several actions of a cell share its leads."""
    shared = [
        key
        for key in ("lead", "lead_officer")
        if values.get(key) and len(lead_groups(values[key])) != items
    ]
    if items < 2 or not shared:
        return ""
    names = "; ".join(" ".join(values[key]) for key in shared)
    return f"{items} actions in one cell share the same leads ({names})"


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [dict(item) if isinstance(item, dict) else item for item in value]
    return value


def _extend(target: list[str], items: list[str]) -> None:
    for item in items:
        if item not in target:
            target.append(item)


def _oldest_first(updates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(updates, key=lambda u: (u["date"] is not None, u["date"] or ""))
