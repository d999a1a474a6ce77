import pytest

from wellboard.core.parsing.text_rules import (
    TITLE_MAX,
    indicator_entries,
    indicators_label,
    leading_ref,
    make_title,
    split_boards,
    split_items,
    split_names,
    sub_plan_title,
)


def test_title_is_the_first_sentence_and_the_description_the_whole_text() -> None:
    text = "Open two breastfeeding cafes. Each cafe meets weekly in a children's centre."
    assert make_title(text) == ("Open two breastfeeding cafes", text)


def test_a_one_sentence_action_has_no_description() -> None:
    assert make_title("Publish a venue map.") == ("Publish a venue map", "")
    assert make_title("Publish a venue map") == ("Publish a venue map", "")


def test_abbreviations_do_not_end_the_first_sentence() -> None:
    text = "Ensure provision for children aged 2 yrs. old, e.g. Nursery places are taken up. More."
    title, _ = make_title(text)
    assert (
        title == "Ensure provision for children aged 2 yrs. old, e.g. Nursery places are taken up"
    )


def test_a_long_first_sentence_is_cut_at_a_word() -> None:
    text = " ".join(["word"] * 60)
    title, description = make_title(text)
    assert len(title) <= TITLE_MAX + 1
    assert title.endswith("word\u2026")
    assert description == text


def test_items_one_per_paragraph_with_lower_case_continuations() -> None:
    paragraphs = ["Recruit peer supporters.", "Open two cafes", "in children's centres"]
    assert split_items(paragraphs) == (
        "",
        [["Recruit peer supporters."], ["Open two cafes", "in children's centres"]],
    )


def test_bullets_with_an_introduction() -> None:
    paragraphs = [
        "Support for families:",
        "\u2022 Promote places",
        "details here",
        "- Offer sessions",
    ]
    assert split_items(paragraphs) == (
        "Support for families:",
        [["Promote places", "details here"], ["Offer sessions"]],
    )


def test_plain_paragraphs_before_bullets_without_a_colon_are_items() -> None:
    assert split_items(["Review capacity", "\u2022 Pilot telecare"]) == (
        "",
        [["Review capacity"], ["Pilot telecare"]],
    )


def test_names_split_conservatively() -> None:
    cell = ["Public Health and Wellbeing, CCG (East, West)/LCC; Police & Crime Commissioner"]
    assert split_names(cell) == [
        "Public Health and Wellbeing",
        "CCG (East, West)",
        "LCC",
        "Police & Crime Commissioner",
    ]
    assert split_names(["Riverside Council", "Riverside Council."]) == ["Riverside Council"]


def test_boards_split_on_slash_and_semicolon_only() -> None:
    assert split_boards(["LPG/CYPS/CYPC Board/HWBB"]) == ["LPG", "CYPS", "CYPC Board", "HWBB"]
    assert split_boards(["HWBB / Staying Healthy; Housing, Care and Support Board"]) == [
        "HWBB",
        "Staying Healthy",
        "Housing, Care and Support Board",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Theme 2: Living well", ("2", "Living well")),
        ("1. Start well", ("1", "Start well")),
        ("1.2 Reduce smoking", ("1.2", "Reduce smoking")),
        ("Priority B - Warm homes", ("B", "Warm homes")),
        ("5 ways to wellbeing", ("", "5 ways to wellbeing")),
        ("1.5 million visits", ("", "1.5 million visits")),
    ],
)
def test_leading_refs(text: str, expected: tuple[str, str]) -> None:
    assert leading_ref(text) == expected


@pytest.mark.parametrize(
    ("paragraphs", "title"),
    [
        (["Staying Healthy action plan"], "Staying Healthy action plan"),
        (["See the Tobacco Control Action Plan."], "Tobacco Control Action Plan"),
        (["Delivered through the Carers delivery plan"], "Carers delivery plan"),
        (["Review the action plan with every partner and report to the board"], ""),
        (["Staying Healthy action plan", "and more"], ""),
        (["Write an action plan"], ""),
        (["Develop the Dementia action plan"], ""),
        (["Action plan"], ""),
    ],
)
def test_sub_plan_titles(paragraphs: list[str], title: str) -> None:
    assert sub_plan_title(paragraphs) == title


def test_indicator_labels_and_entries() -> None:
    assert indicators_label("Possible indicators:") == ""
    assert indicators_label("Indicators: PHOF 2.14; walking") == "PHOF 2.14; walking"
    assert indicators_label("Indicators are published quarterly") is None
    assert indicator_entries("\u2022 PHOF 1.16 - Utilisation of outdoor space") == ["PHOF 1.16"]
    assert indicator_entries("ASCOF 1A, 1B") == ["ASCOF 1A", "ASCOF 1B"]
    assert indicator_entries("Take-up of nursery places.") == ["Take-up of nursery places"]
