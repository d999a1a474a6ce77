"""Finding a partnership's acronyms in plan text, shared by glossary markup and duplicate search.

Plans are written with dozens of acronyms (ICB, VCSE, CSIP WM) and refer to the same work
both ways ("CAMHS" and "child and adolescent mental health services"), so one matcher
decides where an acronym stands in a text.

Rules, chosen so that markup never lands inside a word:

- Matching is case-sensitive: "CO" (carbon monoxide) must not match "co-ordinate" or "Co".
- An acronym stands alone: no letter, digit, underscore or "&" touches it on either side,
  so "CCG" is not found in "ACCG" nor "CO" in "CO2". A hyphen or apostrophe is a boundary
  ("NHS-funded", "ICB's").
- Plurals: a lower-case "s" straight after the acronym is the plural ("CCGs", "GPs") and
  the acronym is found with the "s" left outside it. An upper-case "S" is not a plural:
  "CCGS" may be a different acronym and is left alone.
- Longer terms win where two overlap ("CSIP WM" before "CSIP").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

_EDGE = r"[\w&]"
_CANDIDATE = re.compile(r"(?<![\w&])[A-Za-z][A-Za-z0-9&]{1,11}(?![\w&])")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class Match:
    term: str
    start: int
    end: int
    """Where the acronym itself ends; a plural "s" is after it."""


def pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One alternation for all terms, longest first so that multi-word terms win."""
    unique = sorted({t.strip() for t in terms if t.strip()}, key=lambda t: (-len(t), t))
    if not unique:
        return None
    alternation = "|".join(re.escape(t) for t in unique)
    return re.compile(rf"(?<!{_EDGE})(?P<term>{alternation})s?(?!{_EDGE})")


def find(text: str, compiled: re.Pattern[str] | None) -> Iterator[Match]:
    if compiled is None:
        return
    for found in compiled.finditer(text):
        yield Match(found.group("term"), found.start("term"), found.end("term"))


def expand(text: str, meanings: Mapping[str, str]) -> str:
    """Replace each acronym by its meaning (without parenthetical notes) for comparison."""
    compiled = pattern(meanings)
    if compiled is None:
        return text
    parts: list[str] = []
    position = 0
    for match in find(text, compiled):
        parts.append(text[position : match.start])
        parts.append(_PARENTHESIS.sub("", meanings[match.term]))
        position = match.end
    parts.append(text[position:])
    return "".join(parts)


def looks_like_acronym(token: str) -> bool:
    """At least two capitals making up at least half the letters: "ICB", "UoK", "NHSWM"."""
    letters = [c for c in token if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return len(token) >= 2 and capitals >= 2 and capitals * 2 >= len(letters)


def candidates(text: str) -> list[str]:
    """Acronym-looking words in a text, in order of first appearance, plurals folded."""
    seen: dict[str, None] = {}
    for found in _CANDIDATE.finditer(text):
        token = found.group()
        if token.endswith("s") and looks_like_acronym(token[:-1]):
            token = token[:-1]
        if looks_like_acronym(token):
            seen.setdefault(token, None)
    return list(seen)
