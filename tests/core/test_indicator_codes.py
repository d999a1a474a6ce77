import pytest

from wellboard.core.indicator_codes import (
    FRAMEWORKS,
    is_code,
    normalise_codes,
    scan_codes,
    split_code,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ASCOF 1A, 1B, 1.D, 1.I, 3D",
            ["ASCOF 1A", "ASCOF 1B", "ASCOF 1D", "ASCOF 1I", "ASCOF 3D"],
        ),
        ("PHOF 1.16, 1.18", ["PHOF 1.16", "PHOF 1.18"]),
        ("PHOF 2.14", ["PHOF 2.14"]),
        ("PHOF 0.1i", ["PHOF 0.1i"]),
        ("PHOF 2.02ii", ["PHOF 2.02ii"]),
        ("4.03", ["PHOF 4.03"]),
        ("NHSOF 2.1", ["NHSOF 2.1"]),
        ("NHS OF 1.1", ["NHSOF 1.1"]),
        ("NHS Outcomes Framework 3b", ["NHSOF 3b"]),
        ("NHSOF Domain 2", ["NHSOF D2"]),
        ("Public Health Outcomes Framework 1.01i", ["PHOF 1.01i"]),
        ("Adult Social Care Outcomes Framework 2A(1)", ["ASCOF 2A(1)"]),
        ("ASCOF1C(1A)", ["ASCOF 1C(1a)"]),
        ("NHSOF 3.6i, 1a.ii", ["NHSOF 3.6.i", "NHSOF 1a.ii"]),
    ],
)
def test_codes_are_read_in_canonical_form(text: str, expected: list[str]) -> None:
    assert normalise_codes(text) == expected


def test_a_bare_code_inherits_the_framework_named_before_it() -> None:
    text = "ASCOF 1A, 2B; PHOF 1.16 and 2.14, NHS OF 2.1, 3b"
    assert normalise_codes(text) == [
        "ASCOF 1A",
        "ASCOF 2B",
        "PHOF 1.16",
        "PHOF 2.14",
        "NHSOF 2.1",
        "NHSOF 3b",
    ]


def test_one_digit_phof_indicators_are_padded_outside_domain_zero() -> None:
    assert normalise_codes("PHOF 2.2ii, 0.2iii") == ["PHOF 2.02ii", "PHOF 0.2iii"]


def test_repeated_codes_are_listed_once_in_order_of_first_mention() -> None:
    assert normalise_codes("PHOF 2.14, ASCOF 1A, PHOF 2.14") == ["PHOF 2.14", "ASCOF 1A"]


def test_text_that_is_not_a_code_is_reported_not_guessed() -> None:
    scan = scan_codes("PHOF 1.16 (utilisation of green space), local survey 2014")
    assert scan.codes == ["PHOF 1.16"]
    assert scan.leftovers == ["utilisation of green space", "local survey", "2014"]


def test_ambiguous_bare_codes_are_not_assigned_a_framework() -> None:
    scan = scan_codes("2.1, 3b, Domain 2")
    assert scan.codes == []
    assert scan.leftovers == ["2.1", "3b", "Domain 2"]


def test_strict_mode_reads_codes_only_straight_after_a_framework_name() -> None:
    text = "Rate falls to 1.25 per 1,000 (PHOF 2.24, 2.14) then to 3.5 by 2016"
    assert scan_codes(text, strict=True).codes == ["PHOF 2.24", "PHOF 2.14"]
    assert "PHOF 1.25" in scan_codes(text).codes


def test_nhs_of_needs_capitals_so_prose_is_not_read_as_a_framework() -> None:
    assert normalise_codes("the NHS of the future 1.1") == []


@pytest.mark.parametrize(
    ("code", "parts"),
    [
        ("PHOF 1.16", ("PHOF", "1.16")),
        ("ASCOF 1.D", ("ASCOF", "1D")),
        ("NHS Outcomes Framework 3b", ("NHSOF", "3b")),
        ("NHSOF Domain 4", ("NHSOF", "D4")),
    ],
)
def test_split_code(code: str, parts: tuple[str, str]) -> None:
    assert split_code(code) == parts
    assert parts[0] in FRAMEWORKS
    assert is_code(code)


@pytest.mark.parametrize("text", ["PHOF 1.16, 1.18", "reduce falls", "", "PHOF"])
def test_split_code_refuses_anything_but_one_code(text: str) -> None:
    with pytest.raises(ValueError, match="not a single indicator code"):
        split_code(text)
    assert not is_code(text)
