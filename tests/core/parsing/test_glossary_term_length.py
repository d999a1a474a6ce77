"""A glossary row whose first cell is longer than a term can be (found by the fuzz test) is a
misread row: it is not read as an entry, so the plan stays within the exchange format."""

from __future__ import annotations

from wellboard.core.limits import GLOSSARY_TERM
from wellboard.core.parsing.glossary import parse_glossary_lines, parse_glossary_rows


def test_a_first_cell_longer_than_a_term_is_not_an_entry() -> None:
    long_cell = "| | Priority Priority | Priority Priority Priority |"
    assert len(long_cell) > GLOSSARY_TERM
    rows = [[long_cell, "|"], ["CAMHS", "Child and adolescent mental health services"]]
    assert parse_glossary_rows(rows) == [
        {"term": "CAMHS", "meaning": "Child and adolescent mental health services"}
    ]


def test_a_term_of_exactly_the_limit_is_kept() -> None:
    term = "A" * GLOSSARY_TERM
    assert parse_glossary_lines([f"{term}\tA very long made-up name"]) == [
        {"term": term, "meaning": "A very long made-up name"}
    ]
