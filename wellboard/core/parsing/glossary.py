"""Reading a plan's glossary of acronyms.

Plans lean on acronyms ("CCG", "AWM", "CYPS") and many end with a glossary,
written as a two-column table or as lines: "AWM<tab>Advantage West Midlands",
"AWM - Advantage West Midlands", "AWM: Advantage West Midlands", "AWM
Advantage West Midlands", or the acronym alone with its meaning on the next line.
"""

from __future__ import annotations

import re

from wellboard.core.limits import GLOSSARY_TERM
from wellboard.core.parsing.cells import normalise_label, strip_bullet

_HEADING = re.compile(r"\b(glossary|abbreviations|acronyms)\b")
_HEADING_MAX_WORDS = 6
_SEPARATORS = (
    re.compile(r"\t+"),
    re.compile(r"\s+[-\u2013\u2014=]\s+"),
    re.compile(r"\s*:\s+"),
    re.compile(r"\s{2,}"),
)
_TERM_MAX_WORDS = 6
_TOKEN = re.compile(r"[A-Za-z0-9&]+")
_TABLE_HEADS = {"acronym", "acronyms", "abbreviation", "abbreviations", "term", "terms"}


def is_glossary_heading(text: str) -> bool:
    key = normalise_label(text)
    return bool(_HEADING.search(key)) and len(key.split()) <= _HEADING_MAX_WORDS


def looks_like_acronym(token: str) -> bool:
    """ "CCG", "A&E", "FLiC", "HWBB": short, one word, mostly capitals."""
    token = token.strip(" .,;:()")
    if not 2 <= len(token) <= 12 or " " in token:
        return False
    letters = [ch for ch in token if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    return capitals >= 2 and capitals * 2 >= len(letters)


def split_entry(line: str) -> tuple[str, str] | None:
    """(term, meaning) from one glossary line, or None."""
    line = strip_bullet(line.strip())
    for separator in _SEPARATORS:
        parts = separator.split(line, maxsplit=1)
        if len(parts) == 2 and all(p.strip() for p in parts):
            term, meaning = parts[0].strip(), parts[1].strip()
            if len(term.split()) <= _TERM_MAX_WORDS:
                return term, meaning
    first, _, rest = line.partition(" ")
    if looks_like_acronym(first) and rest.strip():
        return first.strip(" .,;:"), rest.strip()
    return None


def parse_glossary_lines(lines: list[str]) -> list[dict[str, str]]:
    """Glossary entries from the lines under a glossary heading."""
    cleaned = [strip_bullet(line.strip()) for line in lines if line.strip()]
    entries: list[dict[str, str]] = []
    index = 0
    while index < len(cleaned):
        line = cleaned[index]
        following = cleaned[index + 1] if index + 1 < len(cleaned) else ""
        if looks_like_acronym(line) and following and not looks_like_acronym(following.split()[0]):
            _add(entries, line.strip(" .,;:"), following)
            index += 2
            continue
        if pair := split_entry(line):
            _add(entries, *pair)
        index += 1
    return entries


def parse_glossary_rows(rows: list[list[str]]) -> list[dict[str, str]]:
    """Glossary entries from a table: term in the first filled cell, meaning in the next."""
    entries: list[dict[str, str]] = []
    for row in rows:
        cells = [" ".join(text.split()) for text in row if text.strip()]
        if len(cells) >= 2:
            if normalise_label(cells[0]) in _TABLE_HEADS:
                continue
            _add(entries, cells[0], " ".join(cells[1:]))
        elif len(cells) == 1 and (pair := split_entry(cells[0])):
            _add(entries, *pair)
    return entries


def acronyms_in(text: str) -> list[str]:
    """Acronym-like words in a text, in order, once each."""
    found: list[str] = []
    for token in _TOKEN.findall(text):
        if looks_like_acronym(token) and token not in found:
            found.append(token)
    return found


def _add(entries: list[dict[str, str]], term: str, meaning: str) -> None:
    term, meaning = " ".join(term.split()), " ".join(meaning.split())
    if len(term) > GLOSSARY_TERM:  # a misread row, not an acronym and its meaning
        return
    if term and meaning and all(entry["term"] != term for entry in entries):
        entries.append({"term": term, "meaning": meaning})
