"""Acronyms in plan text marked up as accessible abbreviations, and the ones nobody defined.

Readers of a plan meet dozens of acronyms; `<abbr title="...">` lets assistive technology
and a hover reveal each one's meaning wherever it appears. Where an acronym counts as
found (whole words only, case-sensitive, plural "s" outside the mark-up) is decided in
`wellboard.core.acronyms`. The output is built from escaped pieces, so text containing
markup stays text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from wellboard.core.acronyms import candidates, find, pattern


@lru_cache(maxsize=64)
def _compiled(terms: frozenset[str]) -> Any:
    return pattern(terms)


def meanings_of(terms: Mapping[str, str] | Iterable[Any] | None) -> dict[str, str]:
    """Accept a term -> meaning mapping or glossary records (anything with .term, .meaning)."""
    if terms is None:
        return {}
    if isinstance(terms, Mapping):
        return {str(k): str(v) for k, v in terms.items()}
    records: Iterable[Any] = terms
    return {str(record.term): str(record.meaning) for record in records}


def markup(text: object, terms: Mapping[str, str] | Iterable[Any] | None) -> Markup:
    """The text, HTML-escaped, with each known acronym wrapped in <abbr title="meaning">."""
    source = "" if text is None else str(text)
    meanings = meanings_of(terms)
    compiled = _compiled(frozenset(meanings)) if meanings else None
    parts: list[str] = []
    position = 0
    for match in find(source, compiled):
        parts.append(escape(source[position : match.start]))
        title = escape(meanings[match.term])
        parts.append(f'<abbr title="{title}">{escape(match.term)}</abbr>')
        position = match.end
    parts.append(escape(source[position:]))
    return Markup("".join(parts))  # noqa: S704 - every piece above is escaped


@dataclass
class UnknownAcronym:
    term: str
    organisations: list[Any] = field(default_factory=list)

    @property
    def suggestion(self) -> str:
        """An organisation's full name when it is recorded as the acronym's expansion."""
        for organisation in self.organisations:
            if organisation.acronym == self.term and organisation.name != self.term:
                return str(organisation.name)
        return ""


def unknown_acronyms(organisations: Iterable[Any], known: Iterable[str]) -> list[UnknownAcronym]:
    """Acronyms in the names of lead and supporting organisations that the glossary lacks."""
    known_terms = set(known)
    found: dict[str, UnknownAcronym] = {}
    for organisation in organisations:
        for term in candidates(f"{organisation.acronym} {organisation.name}"):
            if term not in known_terms:
                entry = found.setdefault(term, UnknownAcronym(term))
                if organisation not in entry.organisations:
                    entry.organisations.append(organisation)
    return sorted(found.values(), key=lambda entry: entry.term.lower())
