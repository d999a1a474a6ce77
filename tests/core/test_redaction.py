"""Names and contact details come out of comments before anything is published."""

from __future__ import annotations

import pytest

from wellboard.core.redaction import EMAIL, NAME, PHONE, POSTCODE, redact


@pytest.mark.parametrize(
    "number",
    [
        "01632 960 001",
        "01632960001",
        "(01632) 960001",
        "07700-900-123",
        "+44 7700 900123",
        "+44 (0)20 7946 0958",
        "020 7946 0958",
    ],
)
def test_uk_telephone_numbers_as_people_write_them_are_removed(number: str) -> None:
    assert redact(f"Ring me on {number} any time.") == f"Ring me on {PHONE} any time."


def test_email_addresses_are_removed() -> None:
    text = "Write to jo.o'brien+hwb@example.co.uk or help@council.gov.uk."
    assert redact(text) == f"Write to {EMAIL} or {EMAIL}."


def test_postcodes_are_removed_in_either_case() -> None:
    assert redact("We live in sw1a 1aa and EC1A1BB.") == f"We live in {POSTCODE} and {POSTCODE}."


def test_the_respondents_name_whole_and_in_parts_as_whole_words() -> None:
    text = "Thanks, Priya Shah. Priya cares for her mum; Shahid is her neighbour."
    assert (
        redact(text, "Priya Shah")
        == f"Thanks, {NAME}. {NAME} cares for her mum; Shahid is her neighbour."
    )


def test_ordinary_numbers_dates_and_words_are_kept() -> None:
    text = "In 2024, 1,250 people (12%) used the 3 hubs; see page 12345678901."
    assert redact(text, "") == text
    assert redact("Al said hello", "A") == "Al said hello"  # one-letter parts are not names


def test_a_name_with_regex_characters_is_matched_literally() -> None:
    assert redact("From (Dr) J. Smith+ and J.Smith", "J. Smith+") == f"From (Dr) {NAME} and J.Smith"
