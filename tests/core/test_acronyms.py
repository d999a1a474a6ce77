"""Where an acronym stands in plan text, and where it does not."""

from __future__ import annotations

import pytest

from wellboard.core.acronyms import candidates, expand, find, looks_like_acronym, pattern

TERMS = ["CCG", "CO", "CSIP", "CSIP WM", "A&E", "GP"]


def _found(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find(text, pattern(TERMS))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The CCG leads", ["CCG"]),
        ("Both CCGs agree", ["CCG"]),
        ("The ACCG and CCGS are other bodies", []),
        ("co-ordinate the CO2 and Co. records", []),
        ("CO testing at booking", ["CO"]),
        ("CSIP WM supports CSIP", ["CSIP WM", "CSIP"]),
        ("Fewer A&E visits; not A&Ex", ["A&E"]),
        ("The ICB's GPs, NHS-funded", ["GP"]),
    ],
)
def test_acronyms_are_found_only_as_whole_words(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


def test_plural_s_is_left_outside_the_match() -> None:
    (match,) = find("three CCGs", pattern(["CCG"]))
    assert (match.start, match.end) == (6, 9)


def test_no_terms_means_no_pattern() -> None:
    assert pattern([" ", ""]) is None
    assert list(find("CCG", None)) == []


def test_expansion_drops_parenthetical_notes() -> None:
    meanings = {"CO": "Carbon monoxide (breath test)", "GP": "general practice"}
    assert expand("CO tests by GPs", meanings) == "Carbon monoxide tests by general practices"


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("ICB", True),
        ("UoK", True),
        ("NHSWM", True),
        ("McDonald", False),
        ("A", False),
        ("Health", False),
    ],
)
def test_what_looks_like_an_acronym(token: str, expected: bool) -> None:
    assert looks_like_acronym(token) is expected


def test_candidates_fold_plurals_and_keep_first_order() -> None:
    assert candidates("CSIP WM with PCNs, the ICB and PCN; Health") == ["CSIP", "WM", "PCN", "ICB"]
