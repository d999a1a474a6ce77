import pytest

from wellboard.core.parsing.glossary import (
    acronyms_in,
    is_glossary_heading,
    looks_like_acronym,
    parse_glossary_lines,
    parse_glossary_rows,
    split_entry,
)


@pytest.mark.parametrize(
    "line",
    [
        "NRA\tNorthshire Regional Assembly",
        "NRA - Northshire Regional Assembly",
        "NRA \u2013 Northshire Regional Assembly",
        "NRA: Northshire Regional Assembly",
        "NRA    Northshire Regional Assembly",
        "NRA Northshire Regional Assembly",
        "\u2022 NRA = Northshire Regional Assembly",
    ],
)
def test_one_line_entry_shapes(line: str) -> None:
    assert split_entry(line) == ("NRA", "Northshire Regional Assembly")


def test_meaning_on_the_next_line() -> None:
    lines = ["AWM", "Advantage West Midlands", "LGN - Local Government Northshire", "CYP", "Young"]
    assert parse_glossary_lines(lines) == [
        {"term": "AWM", "meaning": "Advantage West Midlands"},
        {"term": "LGN", "meaning": "Local Government Northshire"},
        {"term": "CYP", "meaning": "Young"},
    ]


def test_a_plain_sentence_is_not_an_entry() -> None:
    assert split_entry("This glossary lists the terms used.") is None


def test_glossary_table_rows_skip_their_header() -> None:
    rows = [["Acronym", "Meaning"], ["AWM", "Advantage West Midlands"], ["", ""], ["PCT", ""]]
    assert parse_glossary_rows(rows) == [{"term": "AWM", "meaning": "Advantage West Midlands"}]


def test_repeated_terms_keep_their_first_meaning() -> None:
    lines = ["RC - Riverside Council", "RC - Royal College"]
    assert parse_glossary_lines(lines) == [{"term": "RC", "meaning": "Riverside Council"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Glossary", True),
        ("Glossary of acronyms", True),
        ("Appendix 2: Abbreviations", True),
        ("ACRONYMS", True),
        ("A glossary of the many terms and abbreviations used in this plan", False),
        ("Theme 1", False),
    ],
)
def test_glossary_headings(text: str, expected: bool) -> None:
    assert is_glossary_heading(text) is expected


def test_acronym_detection() -> None:
    assert [
        t
        for t in ("CCG", "A&E", "FLiC", "HWBB", "Ofsted", "McDonald", "I")
        if looks_like_acronym(t)
    ] == [
        "CCG",
        "A&E",
        "FLiC",
        "HWBB",
    ]
    assert acronyms_in("Public Health (PH) with CCG/LCC and NHS England, CCG") == [
        "PH",
        "CCG",
        "LCC",
        "NHS",
    ]
