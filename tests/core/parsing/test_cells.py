import pytest

from wellboard.core.parsing.cells import (
    BULLET,
    clean_cell,
    is_as_above,
    is_bulleted,
    normalise_label,
    strip_bullet,
)


def test_paragraph_and_list_tags_become_separate_paragraphs() -> None:
    raw = "<p>We will help through:</p> <p>Reablement</p><ul><li>Telecare</li><li>Falls</li></ul>"
    assert clean_cell(raw) == [
        "We will help through:",
        "Reablement",
        f"{BULLET} Telecare",
        f"{BULLET} Falls",
    ]


def test_inline_tags_are_dropped_and_entities_decoded() -> None:
    raw = 'Expand the <u>handy person</u> scheme &amp; <span class="x">adaptations</span>'
    assert clean_cell(raw) == ["Expand the handy person scheme & adaptations"]


def test_an_unclosed_list_tag_with_a_style_leaves_only_its_text() -> None:
    raw = '<ul style="list-style-type: none"> Food club: Develop a network '
    assert clean_cell(raw) == ["Food club: Develop a network"]


def test_text_that_only_looks_like_a_tag_is_kept() -> None:
    assert clean_cell("Children <5 years and adults > 65") == ["Children <5 years and adults > 65"]


def test_bullet_characters_start_new_paragraphs() -> None:
    assert clean_cell("Intro: \u2022 first \u2022 second") == [
        "Intro:",
        f"{BULLET} first",
        f"{BULLET} second",
    ]


def test_whitespace_line_breaks_and_invisible_characters_are_normalised() -> None:
    raw = "  Line\u00a0one\u200b \r\n\r\n\tLine  two\x0bLine three\x07 "
    assert clean_cell(raw) == ["Line one", "Line two", "Line three"]


def test_bullet_markers_are_recognised_and_stripped() -> None:
    assert is_bulleted(f"{BULLET} item")
    assert is_bulleted("- item")
    assert not is_bulleted("-5% change")
    assert not is_bulleted("Item")
    assert strip_bullet("- item") == "item"
    assert strip_bullet(f"{BULLET} item") == "item"


def test_labels_are_normalised_for_synonym_lookup() -> None:
    assert normalise_label("  Supporting Organisation(s) ") == "supporting organisation s"
    assert normalise_label("No.") == "no"
    assert normalise_label("Who's responsible?") == "whos responsible"
    assert normalise_label("Milestones (Timescale)") == "milestones timescale"


@pytest.mark.parametrize("text", ["As above", "as above.", "As per above", "Ditto", " DITTO ", '"'])
def test_as_above_wordings(text: str) -> None:
    assert is_as_above(text)


@pytest.mark.parametrize("text", ["As above and more", "Above target", ""])
def test_values_that_are_not_as_above(text: str) -> None:
    assert not is_as_above(text)
