"""Splitting a "Progress to date" cell into dated updates.

Boards keep one running note per action and head each addition with its date:
"October 2014 update: ...", "Update Oct 2014: ...", "(Jan 2015) ...",
"12/03/2014: ...". A date counts as a heading only at the start of the text,
of a line or of a sentence, and only in those shapes, so that a date inside the
prose ("the pilot ends in March 2015") never splits a note. Text before the
first heading is an undated update. A month heading is dated the month's last
day, the latest day the note can describe.

A status is read only when the note states one ("RAG: Green", "Status: Amber",
"Completed - ..."); "to be completed by May" is not a status. Updates come out
oldest first, as the exchange format asks, whatever order the board wrote them.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from wellboard.core.dates import Precision, parse_due, parse_month_year

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_YEAR = rf"{_MONTH}[\s\-']*(?:(?:19|20)\d{{2}}|\d{{2}})(?!\d)"
_DAY = (
    r"\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?!\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+(?:19|20)\d{{2}}(?!\d)"
)
_DATE = rf"(?P<date>{_DAY}|{_MONTH_YEAR})"
_END = r"\s*(?:[:\-\u2013\u2014]\s*)?"

_HEADING = re.compile(
    rf"(?:update|progress)\s*(?:[:\-\u2013]\s*|as\s+(?:at|of)\s+|for\s+)?{_DATE}{_END}"
    rf"|{_DATE.replace('date>', 'date2>')}\s+(?:update|progress(?:\s+update)?){_END}"
    rf"|\({_DATE.replace('date>', 'date3>')}\){_END}"
    rf"|{_DATE.replace('date>', 'date4>')}\s*[:\-\u2013\u2014]\s*",
    re.IGNORECASE,
)
_RAG = re.compile(
    r"\b(?:rag(?:\s+status|\s+rating)?|status)\s*[:=\-\u2013]?\s*"
    r"(?P<value>red|amber|green|blue|completed?|not\s+started)\b",
    re.IGNORECASE,
)
_COMPLETE = re.compile(
    r"^\W*completed?\b(?!\s+(?:by|in|on|within|during|before|after|when|once)\b)"
    r"|(?:^|[.!?;]\s+)completed?\s*(?:[.!;]|$)",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\b(?P<value>\d{1,3})\s*%\s*complete", re.IGNORECASE)
_RAG_VALUES = {
    "red": "red",
    "amber": "amber",
    "green": "green",
    "blue": "complete",
    "complete": "complete",
    "completed": "complete",
}


def split_updates(text: str) -> list[dict[str, Any]]:
    """Exchange-format updates from a progress note, oldest first."""
    parts: list[tuple[date | None, str, str]] = []
    position = 0
    pending: tuple[date | None, str] = (None, "")
    for match in _HEADING.finditer(text):
        if not _at_boundary(text, match.start()):
            continue
        date_text = next(g for g in match.group("date", "date2", "date3", "date4") if g)
        when = _resolve(date_text)
        if when is None:
            continue
        parts.append((*pending, text[position : match.start()]))
        pending = (when, " ".join(date_text.split()))
        position = match.end()
    parts.append((*pending, text[position:]))
    updates = [_update(when, date_text, body) for when, date_text, body in parts]
    kept = [update for update in updates if update["text"] or update["date"]]
    return sorted(kept, key=lambda u: (u["date"] is not None, u["date"] or ""))


def read_rag(text: str) -> str | None:
    """The status a note states, as an exchange-format ``rag`` value, or None."""
    if match := _RAG.search(text):
        value = " ".join(match["value"].lower().split())
        return "not_started" if value == "not started" else _RAG_VALUES[value]
    if _COMPLETE.search(text):
        return "complete"
    return None


def _at_boundary(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in "\n.!?;"


def _resolve(date_text: str) -> date | None:
    if month := parse_month_year(date_text):
        return month[1]
    due = parse_due(date_text)
    return due.end if due.precision is Precision.DAY else None


def _update(when: date | None, date_text: str, body: str) -> dict[str, Any]:
    text = "\n".join(line.strip() for line in body.strip(" \n\t:-").splitlines() if line.strip())
    percent = _PERCENT.search(text)
    return {
        "date": when.isoformat() if when else None,
        "date_text": date_text,
        "text": text,
        "rag": read_rag(text),
        "author": "",
        "percent_complete": (
            int(percent["value"]) if percent and int(percent["value"]) <= 100 else None
        ),
        "evidence_url": "",
    }
