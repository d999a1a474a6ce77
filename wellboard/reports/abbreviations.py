"""The abbreviations a board report uses, listed with their meanings at its end.

Board papers are read printed and by people new to the partnership, where a web page's
<abbr> hover does not exist: so every report ends with the acronyms it actually uses and
what each stands for, from the partnership's glossary and its organisations' full names
(the glossary wins where both define one). Where an acronym counts as used is decided by
`wellboard.core.acronyms`, the same matcher as the pages' markup.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from wellboard.core.acronyms import find, pattern
from wellboard.partnerships.models import GlossaryTerm, Organisation, Partnership
from wellboard.reports.document import (
    BulletList,
    Cell,
    HeaderBlock,
    Heading,
    Paragraph,
    Report,
    StackedBarChart,
    Table,
)

HEADING = "Abbreviations"


def meanings_for(partnership: Partnership) -> dict[str, str]:
    """Acronym -> meaning: organisations' acronyms by their full names, then the glossary."""
    organisations = Organisation.objects.filter(partnership=partnership).exclude(acronym="")
    found = {o.acronym: o.name for o in organisations if o.acronym != o.name}
    glossary = GlossaryTerm.objects.filter(partnership=partnership)
    found.update({t.term: t.meaning for t in glossary if t.term.strip()})
    return found


def _texts(report: Report) -> Iterator[str]:
    yield from (report.title, report.subtitle)
    yield from (value for _, value in report.meta)
    for block in report.blocks:
        if isinstance(block, Heading | Paragraph):
            yield block.text
        elif isinstance(block, BulletList):
            yield from block.items
        elif isinstance(block, HeaderBlock):
            yield from (value for _, value in block.items)
        elif isinstance(block, Table):
            yield from (cell.text for row in block.rows for cell in row)
            yield from (text for row in block.context for text in row)
        elif isinstance(block, StackedBarChart):
            yield from block.categories


def used_in(report: Report, meanings: Mapping[str, str]) -> list[str]:
    """The acronyms the report's text uses, in alphabetical order."""
    compiled = pattern(meanings)
    used = {match.term for text in _texts(report) for match in find(text, compiled)}
    return sorted(used, key=lambda term: (term.lower(), term))


def add_abbreviations(report: Report, meanings: Mapping[str, str]) -> None:
    """End the report with its abbreviations; a report that uses none gets no section."""
    terms = used_in(report, meanings)
    if not terms:
        return
    report.add(
        Heading(HEADING, 1),
        Table(
            columns=("Abbreviation", "Meaning"),
            rows=tuple((Cell.of(term), Cell.of(meanings[term])) for term in terms),
            kind="abbreviations",
            widths=(1, 4),
            caption="Abbreviations used in this report",
        ),
    )
