"""Small rules for reading the text of plan cells: titles, lists, names, refs.

Splitting lead and supporting organisations is deliberately conservative:
only newlines, ";", "/" and "," separate names (outside brackets), never "and"
or "&", because organisation names contain them ("Public Health and
Wellbeing", "Adult Social Care & Health"). Governance boards split only on
"/", ";" and newlines ("LPG/CYPS/CYPC Board/HWBB"), since a board's name may
hold a comma.
"""

from __future__ import annotations

import re

from wellboard.core.indicator_codes import scan_codes
from wellboard.core.parsing.cells import is_bulleted, normalise_label, strip_bullet

TITLE_MAX = 120
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'\u201c\u2018(]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    {"e.g", "eg", "i.e", "ie", "etc", "incl", "inc", "approx", "no", "nos", "dr", "mr", "mrs",
     "ms", "st", "vs", "cllr", "prof", "ref", "yrs", "yr", "min", "max", "est", "fig"}
)  # fmt: skip
_TITLE_MIN = 12
_KEYWORD_REF = re.compile(
    r"^(?:theme|priority|chapter|objective|outcome|section|area)\s+"
    r"(?P<ref>\d+(?:\.\d+)*|[A-Z])\b\s*[.:)\-\u2013]?\s*(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_NUMBER_REF = re.compile(r"^(?P<ref>\d{1,2}(?:\.\d{1,2})*)[.)]\s+(?P<rest>\S.*)$", re.DOTALL)
_DOTTED_REF = re.compile(r"^(?P<ref>\d{1,2}(?:\.\d{1,2})+)\s+(?P<rest>[A-Z].*)$", re.DOTALL)
_SUB_PLAN = re.compile(
    r"^(?:(?:see|refer\s+to|delivered\s+(?:through|via|by)|covered\s+(?:in|by)|as\s+per)\s+)?"
    r"(?:the\s+)?(?P<title>[\w'\u2019&,\- ]{0,80}?\b(?:action|delivery|implementation|sub)"
    r"[\s-]+plan)\s*[.)]?$",
    re.IGNORECASE,
)
_SUB_PLAN_MAX_WORDS = 10
_PLAN_VERBS = frozenset(
    {"write", "develop", "produce", "agree", "publish", "review", "create", "implement",
     "deliver", "refresh", "update", "draft", "complete", "prepare", "establish", "design",
     "finalise", "finalize", "monitor", "consult", "approve", "adopt", "launch", "set"}
)  # fmt: skip
_INDICATORS_LABEL = re.compile(
    r"^(?:(?:possible|proposed|suggested|key|relevant|outcome|supporting|national)\s+)?"
    r"(?:outcome\s+)?indicators?(?P<scope>\s+(?:for|of)\s+(?:this|the)\s+"
    r"(?:chapter|theme|section|priority|area|outcome))?\s*(?::\s*(?P<rest>.*))?$",
    re.IGNORECASE | re.DOTALL,
)
_FRAMEWORK_START = re.compile(
    r"^(?:phof|ascof|nhsof|nhs\s?of|nhs outcomes|public health outcomes"
    r"|adult social care outcomes)",
    re.IGNORECASE,
)
_NAME_SEPARATORS = "\n;/,"
_BOARD_SEPARATORS = "\n;/"


def make_title(text: str) -> tuple[str, str]:
    """(title, description): the first sentence, or about 120 characters cut at a word.

    The description holds the full text whenever the title is not all of it.
    """
    text = "\n".join(strip_bullet(line) for line in text.split("\n") if line.strip())
    first = text.split("\n", 1)[0]
    title = _first_sentence(first)
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1].rstrip()
    if len(title) > TITLE_MAX:
        cut = title[: TITLE_MAX + 1].rsplit(" ", 1)[0] if " " in title[:TITLE_MAX] else title
        title = cut[:TITLE_MAX].rstrip(" ,;:-\u2013") + "\u2026"
    return title, ("" if title == text.rstrip(". ") else text)


def _first_sentence(paragraph: str) -> str:
    for match in _SENTENCE_END.finditer(paragraph):
        end = match.start() + 1
        if end < _TITLE_MIN:
            continue
        word = (
            paragraph[: end - 1].rsplit(None, 1)[-1].lower() if paragraph[: end - 1].strip() else ""
        )
        if word.strip("(") in _ABBREVIATIONS or len(word) == 1:
            continue
        return paragraph[:end].strip()
    return paragraph.strip()


def split_items(paragraphs: list[str]) -> tuple[str, list[list[str]]]:
    """Split an action cell into (introduction, items), one item per paragraph or bullet.

    With bullets, each bullet starts an item and plain paragraphs after it
    continue it; plain paragraphs before the first bullet are the
    introduction when the last of them ends with ":", else items of their own.
    Without bullets, a paragraph starting in lower case continues the one
    before, and a first paragraph ending with ":" introduces the rest.
    """
    if not paragraphs:
        return "", []
    if any(is_bulleted(p) for p in paragraphs):
        return _split_bulleted(paragraphs)
    items: list[list[str]] = []
    for paragraph in paragraphs:
        if items and (paragraph[:1].islower() or items[-1][-1].endswith(("-", ","))):
            items[-1].append(paragraph)
        else:
            items.append([paragraph])
    if len(items) > 1 and items[0][-1].endswith(":"):
        return "\n".join(items[0]), items[1:]
    return "", items


def _split_bulleted(paragraphs: list[str]) -> tuple[str, list[list[str]]]:
    lead: list[str] = []
    items: list[list[str]] = []
    for paragraph in paragraphs:
        if is_bulleted(paragraph):
            items.append([strip_bullet(paragraph)])
        elif items:
            items[-1].append(paragraph)
        else:
            lead.append(paragraph)
    if lead and lead[-1].endswith(":"):
        return "\n".join(lead), items
    return "", [[p] for p in lead] + items


def split_names(paragraphs: list[str]) -> list[str]:
    """Organisations from a lead or supporting cell; see the module docstring."""
    return _split("\n".join(paragraphs), _NAME_SEPARATORS)


def split_boards(paragraphs: list[str]) -> list[str]:
    """Governance boards from a cell such as "LPG/CYPS/CYPC Board/HWBB"."""
    return _split("\n".join(paragraphs), _BOARD_SEPARATORS)


def split_list(paragraphs: list[str]) -> list[str]:
    """Items of a cell listing titles (other strategies): one per line or ";"."""
    return _split("\n".join(paragraphs), "\n;")


def _split(text: str, separators: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth > 0:
            depth -= 1
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    result: list[str] = []
    for part in parts:
        cleaned = strip_bullet(" ".join(part.split())).strip(" .,;:-\u2013")
        if cleaned and cleaned not in result:
            result.append(cleaned)
    return result


_PRIORITY_HEADING = re.compile(
    r"^(?:priority|objective|outcome|aim)\s+\d+(?:\.\d+)*\b", re.IGNORECASE
)
_CHAPTER_HEADING = re.compile(
    r"^(?:theme|chapter|section|part)\s+(?:\d+|[A-Z]|one|two|three|four|five|six)\b",
    re.IGNORECASE,
)


def heading_kind(text: str) -> str:
    """ "priority" for "Priority 1.2: ...", "chapter" for "Theme 2: ...", else ""."""
    if _PRIORITY_HEADING.match(text):
        return "priority"
    if _CHAPTER_HEADING.match(text):
        return "chapter"
    return ""


def leading_ref(text: str, *, dotted_only: bool = False) -> tuple[str, str]:
    """(ref, rest) for "1. Start well", "Theme 2: Live well", "1.2 Reduce smoking"."""
    patterns = (_DOTTED_REF,) if dotted_only else (_KEYWORD_REF, _NUMBER_REF, _DOTTED_REF)
    for pattern in patterns:
        if (match := pattern.match(text)) and match["rest"].strip():
            return match["ref"], match["rest"].strip()
    return "", text


def sub_plan_title(paragraphs: list[str]) -> str:
    """The plan named by an action cell that only defers to another plan, else ""."""
    if len(paragraphs) != 1:
        return ""
    text = strip_bullet(paragraphs[0])
    if len(text.split()) > _SUB_PLAN_MAX_WORDS:
        return ""
    match = _SUB_PLAN.match(text)
    if not match:
        return ""
    title = " ".join(match["title"].split())
    words = title.lower().split()
    # "Write an action plan" is an action; a deferral names a particular plan.
    if len(words) < 3 or words[0] in _PLAN_VERBS or {"a", "an"} & set(words):
        return ""
    return title[:1].upper() + title[1:]


def indicators_for_this_chapter(text: str) -> bool:
    """ "Possible indicators for this chapter": the list belongs to the chapter it ends."""
    match = _INDICATORS_LABEL.match(text.strip())
    return bool(match and match["scope"])


def indicators_label(text: str) -> str | None:
    """For a "Possible indicators:" line, the text after its colon ("" if none); else None."""
    match = _INDICATORS_LABEL.match(text.strip())
    return None if match is None else (match["rest"] or "").strip()


def indicator_entries(text: str) -> list[str]:
    """Theme indicator entries from one list item: its codes when it starts with a
    framework name ("PHOF 1.16 - Utilisation of outdoor space" -> "PHOF 1.16"),
    otherwise the item as written (a local indicator's name).
    """
    item = strip_bullet(text).strip(" ;,.")
    if not item:
        return []
    if _FRAMEWORK_START.match(item):
        codes = scan_codes(item, strict=True).codes
        if codes:
            return codes
    return [item]


def same_text(a: str, b: str) -> bool:
    return normalise_label(a) == normalise_label(b)
