"""Checks on the shipped outcome-indicator catalogue (wellboard/indicators/data/catalogue.csv).

The catalogue is hand-checked data, so these tests guard its shape and its promises: codes as the
frameworks print them, one row per (framework, code), a source on every row, and names that agree
with the reference lists in ../shared (when present) unless the row says it was corrected.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CATALOGUE = REPO / "wellboard" / "indicators" / "data" / "catalogue.csv"
SHARED_CATALOGUES = REPO.parent / "shared" / "data" / "catalogues"

COLUMNS = ["framework", "code", "name", "polarity", "unit", "fingertips_id", "source", "verified"]
POLARITIES = {"higher_is_better", "lower_is_better", ""}
VERIFIED = {"yes", "corrected", "unverified"}
UNITS = {"%", "per 1,000", "per 10,000", "per 100,000", "score", "years", "ratio", "number", ""}

# Roman-numeral sub-indicator suffixes up to x, as PHOF and the NHS OF print them.
_ROMAN = r"(?:i{1,3}|iv|v|vi{1,3}|ix|x)"
CODE_PATTERNS = {
    # PHOF 2013-2016: overarching 0.1 / 0.2, domains 1-4 with two-digit numbers, e.g. 2.02ii.
    "PHOF": re.compile(rf"^(?:0\.[12]|[1-4]\.\d{{2}}){_ROMAN}?$"),
    # ASCOF 2014/15-2022/23: domain digit, measure letter, optional part, e.g. 1C(1a), 2A(2).
    "ASCOF": re.compile(r"^[1-4][A-J](?:\([1-3][ab]?\))?$"),
    # NHS OF: domain rows D1-D5, overarching 2 / 1a, improvement areas 1.1 / 1.4.i.
    "NHSOF": re.compile(rf"^(?:D[1-5]|[1-5]|[1-5][a-d]|[1-5]\.\d{{1,2}}(?:\.{_ROMAN})?)$"),
}

# Codes the demo strategy links actions to; the catalogue must carry every one.
DEMO_CODES = {
    ("PHOF", "2.02ii"),
    ("PHOF", "2.03"),
    ("PHOF", "2.06ii"),
    ("PHOF", "2.14"),
    ("PHOF", "1.01ii"),
    ("PHOF", "0.1i"),
    ("PHOF", "0.2iii"),
    ("PHOF", "4.04i"),
    ("ASCOF", "1A"),
    ("ASCOF", "2A(2)"),
    ("ASCOF", "2B(1)"),
    ("ASCOF", "1I(1)"),
    ("ASCOF", "3A"),
    ("NHSOF", "2.1"),
    ("NHSOF", "3b"),
}

REFERENCE_FILES = {
    "PHOF": "phof_2013_2016.csv",
    "ASCOF": "ascof_2014_2023.csv",
    "NHSOF": "nhs_of_2016_17.csv",
}


def _read_catalogue() -> tuple[list[str], list[dict[str, str]]]:
    with CATALOGUE.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


HEADER, ROWS = _read_catalogue()


def _row_id(row: dict[str, str]) -> str:
    return f"{row['framework']} {row['code']}"


def test_columns_are_exactly_the_documented_ones() -> None:
    assert HEADER == COLUMNS


def test_catalogue_is_not_empty_and_covers_each_framework() -> None:
    frameworks = {row["framework"] for row in ROWS}
    assert frameworks == set(CODE_PATTERNS)


def test_no_row_has_missing_or_extra_cells() -> None:
    # DictReader puts surplus cells under None and fills short rows with None.
    bad = [_row_id(row) for row in ROWS if None in row or None in row.values()]
    assert bad == []


def test_framework_and_code_pair_is_unique() -> None:
    keys = [(row["framework"], row["code"]) for row in ROWS]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    assert duplicates == []


def test_framework_is_one_of_the_short_canonical_names() -> None:
    assert {row["framework"] for row in ROWS} <= set(CODE_PATTERNS)


@pytest.mark.parametrize("framework", sorted(CODE_PATTERNS))
def test_codes_follow_the_framework_pattern(framework: str) -> None:
    pattern = CODE_PATTERNS[framework]
    bad = [row["code"] for row in ROWS if row["framework"] == framework]
    bad = [code for code in bad if not pattern.match(code)]
    assert bad == []


@pytest.mark.parametrize(
    ("framework", "code", "valid"),
    [
        ("PHOF", "1.16", True),
        ("PHOF", "0.1i", True),
        ("PHOF", "2.02ii", True),
        ("PHOF", "0.2vii", True),
        ("PHOF", "1.1", False),
        ("PHOF", "2.2ii", False),
        ("PHOF", "5.01", False),
        ("PHOF", "2.02iiii", False),
        ("ASCOF", "1A", True),
        ("ASCOF", "1C(1a)", True),
        ("ASCOF", "2A(2)", True),
        ("ASCOF", "1.D", False),
        ("ASCOF", "1c", False),
        ("ASCOF", "2A(c)", False),
        ("NHSOF", "1.1", True),
        ("NHSOF", "1a", True),
        ("NHSOF", "2", True),
        ("NHSOF", "D1", True),
        ("NHSOF", "1.4.iii", True),
        ("NHSOF", "D6", False),
        ("NHSOF", "1.4iii", False),
        ("NHSOF", "6.1", False),
    ],
)
def test_code_patterns_accept_printed_codes_and_reject_others(
    framework: str, code: str, valid: bool
) -> None:
    assert bool(CODE_PATTERNS[framework].match(code)) is valid


def test_polarity_values_are_allowed() -> None:
    bad = [(_row_id(row), row["polarity"]) for row in ROWS if row["polarity"] not in POLARITIES]
    assert bad == []


def test_verified_values_are_allowed() -> None:
    bad = [(_row_id(row), row["verified"]) for row in ROWS if row["verified"] not in VERIFIED]
    assert bad == []


def test_units_are_from_the_known_set() -> None:
    bad = [(_row_id(row), row["unit"]) for row in ROWS if row["unit"] not in UNITS]
    assert bad == []


def test_every_row_has_a_source() -> None:
    bad = [_row_id(row) for row in ROWS if not row["source"].strip()]
    assert bad == []


def test_names_are_present_and_trimmed() -> None:
    bad = [_row_id(row) for row in ROWS if not row["name"] or row["name"] != row["name"].strip()]
    assert bad == []


def test_fingertips_ids_are_numeric_and_each_names_one_indicator() -> None:
    ids = [row["fingertips_id"] for row in ROWS if row["fingertips_id"]]
    assert all(value.isdigit() for value in ids)
    assert len(ids) == len(set(ids))


def test_demo_codes_are_all_catalogued() -> None:
    present = {(row["framework"], row["code"]) for row in ROWS}
    assert sorted(DEMO_CODES - present) == []


def _reference_names() -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], str] = {}
    for framework, filename in REFERENCE_FILES.items():
        with (SHARED_CATALOGUES / filename).open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                names[(framework, row["code"])] = row["name"]
    return names


@pytest.mark.skipif(
    not SHARED_CATALOGUES.exists(), reason="../shared/data/catalogues is not shipped"
)
def test_names_agree_with_the_reference_lists_unless_corrected() -> None:
    reference = _reference_names()
    disagreements = [
        _row_id(row)
        for row in ROWS
        if (row["framework"], row["code"]) in reference
        and row["name"] != reference[(row["framework"], row["code"])]
        and row["verified"] != "corrected"
    ]
    assert disagreements == []


@pytest.mark.skipif(
    not SHARED_CATALOGUES.exists(), reason="../shared/data/catalogues is not shipped"
)
def test_reference_lists_are_read_for_every_framework() -> None:
    # Guards the comparison above against silently matching nothing.
    frameworks = {framework for framework, _ in _reference_names()}
    assert frameworks == set(REFERENCE_FILES)
