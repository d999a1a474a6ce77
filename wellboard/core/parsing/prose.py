"""Reading a strategy written as prose: themes, priorities and objectives with no plan table.

Most Joint Health and Wellbeing Strategies are documents, not tables. When a document has
no plan table, its structure is read from the wordings boards use for it:

- a chapter or theme line ("Chapter 2: Living well", "Theme 3 - Ageing well") is a theme;
- "Priority 1: ..." is a priority; "Objective 1.2 ..." is an action of priority 1 when a
  priority 1 was read (the document then says what will be done for it), else a priority;
- "With focus on A, B and C" or "Our focus will be ..." under a theme: each item is a
  priority;
- a numbered or bulleted list is read as priorities only when the line introducing it
  names priorities, objectives or focus areas ("... identifies three priority areas:");
  other lists (purposes, recommendations to the board) are left out, and said so;
- "We will ..." under a priority is an action.

Everything found keeps its wording; what no prose says (leads, officers, due dates,
measures) is left for the officer to complete in the app, and the warnings say what was
found and what was not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wellboard.core.parsing.actions import empty_action
from wellboard.core.parsing.cells import strip_bullet
from wellboard.core.parsing.outline import Outline
from wellboard.core.parsing.table_model import Paragraph, SourceDocument

_CHAPTER = re.compile(
    r"^(?:chapter|theme|section|part)\s+(?P<ref>\d{1,2}|[A-Z]|one|two|three|four|five|six)"
    r"\s*[:.\-\u2013)]\s*(?P<title>.+?)[\s:.]*$",
    re.IGNORECASE,
)
_PRIORITY = re.compile(
    r"^(?P<kind>priority(?:\s+area)?|objective|outcome|aim)\s+(?P<ref>\d{1,2}(?:\.\d{1,2})*)"
    r"\s*[:.\-\u2013)]?\s*(?P<title>.+?)[\s:]*$",
    re.IGNORECASE,
)
_FOCUS = re.compile(
    r"^(?:with\s+(?:a\s+)?focus\s+on|our\s+focus\s+(?:will\s+be|is)(?:\s+on)?|focusing\s+on"
    r"|focus\s+areas?\s*:)\s*(?P<items>.+)$",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^\(?\d{1,2}[.)]\s+(?P<text>\S.*)$")
_LIST_OF_PRIORITIES = re.compile(r"priorit|objective|focus\s+areas|areas\s+of\s+focus", re.I)
_WE_WILL = re.compile(r"^we\s+will\b", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^()]*\)")
ITEM_MAX_CHARS = 160
SECTION_MAX_WORDS = 4


@dataclass
class ProseReading:
    outline: Outline = field(default_factory=Outline)
    actions: int = 0
    skipped_lists: list[str] = field(default_factory=list)


def read_prose(document: SourceDocument, title: str) -> ProseReading | None:
    """The outline read from the document's wording, or None if it names no priority."""
    reading = ProseReading()
    outline = reading.outline
    list_kind = ""
    intro = previous = ""
    loose_items = 0
    for block in document.blocks:
        if not isinstance(block, Paragraph) or block.text == title:
            continue
        text = " ".join(block.text.split())
        item = _item(block, text)
        if item is not None and not list_kind and _section_heading(item):
            previous, loose_items = item, 0  # "3. Recommendations": a numbered heading
            continue
        if item is not None and not list_kind:
            # A numbered list with no line introducing it (under "3. Recommendations").
            loose_items += 1
            if loose_items == 2:
                reading.skipped_lists.append(_tidy(previous))
            continue
        if item is None:
            loose_items = 0
            previous = text
        if item is not None and list_kind:
            if list_kind == "priorities":
                outline.new_priority(_tidy(item))
            elif list_kind == "actions" and outline.priority is not None:
                _add_action(reading, _tidy(item))
            elif intro not in reading.skipped_lists:
                reading.skipped_lists.append(intro)
            continue
        list_kind, intro = "", ""
        plain = strip_bullet(text)
        if match := _CHAPTER.match(plain):
            outline.new_theme(f"{match['ref']}. {match['title']}")
        elif match := _PRIORITY.match(plain):
            _priority_line(reading, match)
        elif (match := _FOCUS.match(plain)) and outline.theme is not None:
            for focus in _focus_items(match["items"]):
                outline.new_priority(focus)
        elif _WE_WILL.match(plain) and outline.priority is not None and plain[-1:] != ":":
            _add_action(reading, plain)
        elif plain.endswith(":"):
            intro = plain.rstrip(":")
            if _LIST_OF_PRIORITIES.search(plain):
                list_kind = "priorities"
            elif _WE_WILL.search(plain) and outline.priority is not None:
                list_kind = "actions"
            else:
                list_kind = "other"
    found = any(theme.priorities for theme in outline.themes)
    return reading if found else None


def _item(block: Paragraph, text: str) -> str | None:
    """The text of a numbered or bulleted list item, else None."""
    plain = strip_bullet(text) if block.list_item or text != strip_bullet(text) else text
    numbered = _NUMBERED.match(plain)
    if numbered:
        return numbered["text"]
    if block.list_item or plain != text:
        return plain
    return None


def _section_heading(text: str) -> bool:
    return len(text.split()) <= SECTION_MAX_WORDS and not text.endswith((".", ";", ",", ":"))


def _priority_line(reading: ProseReading, match: re.Match[str]) -> None:
    outline = reading.outline
    ref, title = match["ref"], _tidy(match["title"])
    priority = outline.priority
    is_objective = match["kind"].lower() in ("objective", "outcome")
    if is_objective and priority is not None and ref.split(".")[0] == priority.ref:
        _add_action(reading, title, ref)
        return
    outline.new_priority(f"{ref}. {title}" if "." not in ref else f"{ref} {title}")


def _add_action(reading: ProseReading, text: str, ref: str = "") -> None:
    priority = reading.outline.ensure_priority()
    action = empty_action(text[:ITEM_MAX_CHARS])
    if len(text) > ITEM_MAX_CHARS:
        action["description"] = text
    action["ref"] = ref
    priority.actions.append(action)
    reading.actions += 1


def _focus_items(text: str) -> list[str]:
    """ "A, B, and C" -> [A, B, C]: commas part the items, a leading "and" is dropped (an
    "and" inside an item stays: "Lifestyle and leisure" is one focus area)."""
    plain = _BRACKETS.sub(" ", text).strip(" .;:")
    items = [re.sub(r"^and\s+", "", part.strip(), flags=re.IGNORECASE) for part in plain.split(",")]
    return [_tidy(item) for item in items if item.strip()]


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip(" .;:")
    return text[:1].upper() + text[1:]


def prose_summary(reading: ProseReading) -> list[str]:
    """What the preview says: what was found, what was not, and the lists left out."""
    themes = [t for t in reading.outline.themes]
    priorities = sum(len(t.priorities) for t in themes)
    notes = [
        f"no plan table, so read as a prose strategy: {len(themes)} theme(s), "
        f"{priorities} priorities and {reading.actions} action(s) from its headings and "
        "lists; no lead organisations, lead officers, due dates or measures were found: "
        "add them in the app"
    ]
    notes.extend(
        f"the list after {intro!r} was not read as priorities (it does not introduce "
        "priorities or objectives)"
        for intro in reading.skipped_lists
        if intro
    )
    return notes
