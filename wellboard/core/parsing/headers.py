"""Recognising a plan table's header row by meaning.

Boards name the same column many ways ("Lead", "Who responsible", "Name of
lead"; "By when", "Milestones (Timescale)", "Completion date"), so a header is
matched first as a whole phrase against a synonym table, then by key words,
checked in an order that settles overlaps: "Contributing toward national outcome
indicators" is indicator codes before it is indicators, "Progress to date" is
progress before it is a date, "Priority actions" is actions before priorities.
Key words are tried only on short cells, so that a data row which happens to
say "action plan" is not taken for a header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wellboard.core.limits import PERSON_NAME
from wellboard.core.parsing.cells import normalise_label
from wellboard.core.parsing.table_model import Cell

FIELDS = (
    "ref",
    "theme",
    "priority",
    "action",
    "lead",
    "lead_officer",
    "supporting",
    "due",
    "measures",
    "governance",
    "progress",
    "rag",
    "percent",
    "links",
    "indicator_codes",
)
IGNORE = "ignore"

_PHRASES: dict[str, tuple[str, ...]] = {
    "ref": ("no", "ref", "ref no", "reference", "number", "action no", "action ref", "id", "item"),
    "theme": ("theme", "themes", "chapter", "strategic theme", "theme title"),
    "priority": (
        "priority",
        "priorities",
        "priority area",
        "priority areas",
        "objective",
        "objectives",
        "strategic priority",
        "strategic objective",
        "what we want to achieve",
        "aim",
        "aims",
    ),
    "action": (
        "action",
        "actions",
        "action proposed",
        "actions proposed",
        "proposed action",
        "proposed actions",
        "what we will do",
        "key actions",
        "activity",
        "activities",
        "how we will do it",
    ),
    "lead": (
        "lead",
        "leads",
        "lead organisation",
        "lead organisations",
        "lead agency",
        "lead partner",
        "name of lead",
        "who responsible",
        "who is responsible",
        "responsible",
        "responsibility",
        "owner",
        "who",
    ),
    "lead_officer": ("lead officer", "responsible officer", "officer", "named officer"),
    "supporting": (
        "supporting organisation",
        "supporting organisations",
        "supporting organisation s",
        "partners",
        "key partners",
        "supported by",
        "partner organisations",
    ),
    "due": (
        "by when",
        "when",
        "completion date",
        "milestones timescale",
        "milestones",
        "timescale",
        "timescales",
        "deadline",
        "due date",
        "target date",
        "date",
        "timeline",
        "timeframe",
    ),
    "measures": (
        "indicators",
        "indicator",
        "outcome and output measures",
        "measures of success",
        "outcome measures",
        "success measures",
        "performance measures",
        "measures",
        "kpis",
        "key performance indicators",
        "success criteria",
        "outcomes",
        "expected outcomes",
        "targets",
    ),
    "governance": (
        "governance",
        "governance assurance monitoring board",
        "assurance",
        "monitoring board",
        "reporting to",
        "reports to",
        "board",
    ),
    "progress": (
        "progress to date",
        "progress",
        "update",
        "updates",
        "comments",
        "progress update",
        "latest update",
        "commentary",
    ),
    "rag": ("rag", "rag status", "rag rating", "status"),
    "percent": ("percent complete", "complete", "percentage complete"),
    "links": (
        "links to other strategies",
        "link to other strategies",
        "links",
        "related strategies",
        "other strategies",
        "strategic links",
    ),
    "indicator_codes": (
        "contributing toward national outcome indicators",
        "contributing towards national outcome indicators",
        "national outcome indicators",
        "national indicators",
        "outcome framework indicators",
        "outcomes framework",
        "indicator codes",
        "phof",
        "ascof",
        "nhsof",
    ),
}

PHRASES: dict[str, str] = {
    phrase: field_name for field_name, phrases in _PHRASES.items() for phrase in phrases
}

KEYWORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("indicator_codes", r"\bnational\b.*\b(indicators?|outcomes?)\b|outcomes? frameworks?"),
        ("indicator_codes", r"\b(phof|ascof|nhsof|nhs of)\b"),
        ("links", r"\blinks?\b|\b(other|related) strateg"),
        ("percent", r"\b(percent|percentage)\b"),
        ("rag", r"\brag\b"),
        ("progress", r"\bprogress\b|\bupdates?\b|\bcomments?\b|\bcommentary\b|\bstatus\b"),
        ("supporting", r"\bsupport(ing|ed)?\b|\bpartners?\b|\bcontributors?\b"),
        ("lead_officer", r"\bofficers?\b"),
        ("lead", r"\bleads?\b|\bresponsib|\bwho\b|\bowners?\b"),
        ("due", r"\bwhen\b|\bdates?\b|\bdeadlines?\b|\btimescales?\b|\bmilestones?\b"),
        ("due", r"\btime ?(frame|line)s?\b|\bcompletion\b"),
        ("governance", r"\bgovernance\b|\bassurance\b|\bmonitoring\b|\bboards?\b|\breport"),
        ("measures", r"\bmeasures?\b|\bindicators?\b|\bkpis?\b|\bsuccess\b|\btargets?\b"),
        ("measures", r"\boutcomes?\b|\boutputs?\b"),
        ("action", r"\bactions?\b|\bactivit(y|ies)\b|\bwhat we will do\b|\btasks?\b"),
        ("action", r"\bdeliverables?\b|\binterventions?\b"),
        ("priority", r"\bpriorit(y|ies)\b|\bobjectives?\b|\baims?\b|\bgoals?\b"),
        ("theme", r"\bthemes?\b|\bchapters?\b"),
        ("ref", r"^(no|ref|reference|number)\b"),
    )
)

KEYWORD_MAX_WORDS = 8

KV_LABELS: dict[str, str] = {
    "theme": "theme",
    "strategic theme": "theme",
    "chapter": "theme",
    "lead hwb member": "lead_member",
    "lead hwbb member": "lead_member",
    "lead board member": "lead_member",
    "lead member": "lead_member",
    "hwb lead": "lead_member",
    "board lead": "lead_member",
    "theme lead": "lead_member",
    "priority action": "priority",
    "priority": "priority",
    "priority area": "priority",
    "strategic priority": "priority",
    "objective": "priority",
    "lead officer": "lead_officer",
    "responsible officer": "lead_officer",
    "priority lead": "lead_officer",
    "lead": "lead_officer",
}


@dataclass(frozen=True, slots=True)
class HeaderMap:
    """The field of each column (None where the header was not recognised)."""

    fields: tuple[str | None, ...]
    labels: tuple[str, ...]
    unmapped: tuple[str, ...]

    def present(self) -> set[str]:
        return {name for name in self.fields if name and name != IGNORE}


def normalise_column_map(column_map: dict[str, str] | None) -> dict[str, str]:
    """Key the user's mapping like the synonym table; reject unknown fields."""
    result: dict[str, str] = {}
    for header, field_name in (column_map or {}).items():
        if field_name not in FIELDS and field_name != IGNORE:
            raise ValueError(f"column_map: unknown field {field_name!r} for {header!r}")
        result[normalise_label(header)] = field_name
    return result


def field_for(header: str, column_map: dict[str, str] | None = None) -> str | None:
    """The field a header names, or None."""
    if header.strip() == "#":
        return "ref"
    key = normalise_label(header)
    if not key:
        return None
    if column_map and key in column_map:
        return column_map[key]
    if key in PHRASES:
        return PHRASES[key]
    if len(key.split()) > KEYWORD_MAX_WORDS:
        return None
    for name, pattern in KEYWORDS:
        if pattern.search(key):
            return name
    return None


def detect_header(row: list[Cell], column_map: dict[str, str] | None = None) -> HeaderMap | None:
    """A HeaderMap when the row reads as a plan table's header row.

    At least two cells must map, one of them to the action column (or to both
    priority and indicators, the shape of a strategy's priorities table), and
    most filled cells must map, so that a data row quoting a header word is
    not mistaken for one.
    """
    fields: list[str | None] = []
    labels: list[str] = []
    unmapped: list[str] = []
    filled = 0
    for cell in row:
        text = " ".join(cell.paragraphs)
        if cell.spanned and fields:
            fields.append(fields[-1])
            labels.append(labels[-1])
            continue
        name = field_for(text, column_map) if text else None
        filled += bool(text)
        if text and name is None:
            unmapped.append(text)
        fields.append(name)
        labels.append(normalise_label(text))
    mapped = [name for name in fields if name and name != IGNORE]
    if len(set(mapped)) < 2 or not _has_plan_columns(set(mapped)):
        return None
    if len(mapped) * 5 < filled * 3:
        return None
    return HeaderMap(tuple(fields), tuple(labels), tuple(unmapped))


def _has_plan_columns(mapped: set[str]) -> bool:
    return "action" in mapped or {"priority", "measures"} <= mapped


PERSON_KINDS = ("lead_member", "lead_officer")


def kv_pairs(row: list[Cell]) -> list[tuple[str, str]] | None:
    """Label/value pairs of a key-value header row such as
    ``THEME | <title> | LEAD HWB MEMBER | <name>``, or None: also when a person's value is
    longer than a name can be, as such a row is something else misread.
    """
    cells = [cell.text for cell in row if not cell.empty]
    if len(cells) < 2 or len(cells) % 2:
        return None
    pairs: list[tuple[str, str]] = []
    for label, value in zip(cells[::2], cells[1::2], strict=True):
        kind = KV_LABELS.get(normalise_label(label))
        if kind is None or normalise_label(value) in PHRASES:
            return None
        if kind in PERSON_KINDS and len(" ".join(value.split())) > PERSON_NAME:
            return None
        pairs.append((kind, value))
    return pairs
