import pytest

from wellboard.core.parsing.headers import (
    IGNORE,
    detect_header,
    field_for,
    kv_pairs,
    normalise_column_map,
)
from wellboard.core.parsing.table_model import Cell


def cells(*texts: str) -> list[Cell]:
    return [Cell(paragraphs=(t,) if t else ()) for t in texts]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Priority", "priority"),
        ("Priority area", "priority"),
        ("Theme", "theme"),
        ("Chapter", "theme"),
        ("Objective", "priority"),
        ("Action", "action"),
        ("Action proposed", "action"),
        ("Actions", "action"),
        ("Priority actions", "action"),
        ("Lead", "lead"),
        ("Lead organisation", "lead"),
        ("Name of lead", "lead"),
        ("Who responsible", "lead"),
        ("Lead officer", "lead_officer"),
        ("Supporting organisation(s)", "supporting"),
        ("Partners", "supporting"),
        ("By when", "due"),
        ("Completion date", "due"),
        ("Milestones (Timescale)", "due"),
        ("Deadline", "due"),
        ("Timescale", "due"),
        ("Indicators", "measures"),
        ("Outcome and output measures", "measures"),
        ("Measures of success", "measures"),
        ("Governance / Assurance / Monitoring board", "governance"),
        ("Progress to date", "progress"),
        ("Update", "progress"),
        ("Comments", "progress"),
        ("Links to other strategies", "links"),
        ("Contributing toward national outcome indicators", "indicator_codes"),
        ("No.", "ref"),
        ("Ref", "ref"),
        ("#", "ref"),
        ("RAG status", "rag"),
        ("% complete", "percent"),
    ],
)
def test_headers_are_recognised_by_meaning(header: str, field: str) -> None:
    assert field_for(header) == field


@pytest.mark.parametrize("header", ["Budget", "Who's doing it", "", "Notes on the wider context"])
def test_unknown_headers_map_to_nothing(header: str) -> None:
    assert field_for(header) is None


def test_key_words_are_not_tried_on_long_cells() -> None:
    long_text = "We will review the action plan with partners in every district next year"
    assert field_for(long_text) is None


def test_a_plan_header_row_is_detected_with_its_unmapped_cells() -> None:
    header = detect_header(cells("No.", "Action", "Who responsible", "Budget", "By when"))
    assert header is not None
    assert header.fields == ("ref", "action", "lead", None, "due")
    assert header.unmapped == ("Budget",)


def test_priority_and_indicators_make_a_header_without_an_action_column() -> None:
    header = detect_header(cells("Priorities", "Indicators", "Milestones (Timescale)"))
    assert header is not None
    assert header.present() == {"priority", "measures", "due"}


@pytest.mark.parametrize(
    "row",
    [
        ("Lead", "By when"),  # no action column
        ("Action",),  # one column only
        ("Action plan review", "Public Health", "March 2015", "Staying Healthy Board"),
    ],
)
def test_rows_that_are_not_plan_headers(row: tuple[str, ...]) -> None:
    assert detect_header(cells(*row)) is None


def test_a_spanned_header_column_inherits_its_field() -> None:
    row = [Cell(("Action",)), Cell(spanned=True), Cell(("Lead",))]
    header = detect_header(row)
    assert header is not None
    assert header.fields == ("action", "action", "lead")


def test_column_map_maps_unknown_headers_and_can_ignore_columns() -> None:
    column_map = normalise_column_map({"Who's doing it": "lead", "Lead": IGNORE})
    assert field_for("Who's doing it?", column_map) == "lead"
    header = detect_header(cells("Action", "Who's doing it", "Lead", "When"), column_map)
    assert header is not None
    assert header.fields == ("action", "lead", IGNORE, "due")


def test_column_map_rejects_unknown_fields() -> None:
    with pytest.raises(ValueError, match="unknown field 'owner'"):
        normalise_column_map({"Who": "owner"})


def test_key_value_rows_give_labels_and_values() -> None:
    row = cells("THEME", "Healthier communities", "", "LEAD HWB MEMBER", "Cllr A Example")
    assert kv_pairs(row) == [("theme", "Healthier communities"), ("lead_member", "Cllr A Example")]
    row = cells("PRIORITY ACTION", "Reduce harm", "LEAD OFFICER", "Dr B Sample")
    assert kv_pairs(row) == [("priority", "Reduce harm"), ("lead_officer", "Dr B Sample")]


@pytest.mark.parametrize(
    "row",
    [
        ("Priority", "Action", "Lead", "By when"),  # a header row, not key-value
        ("Reduce smoking", "Stop smoking service"),  # a data row
        ("THEME", "Healthier communities", "LEAD HWB MEMBER"),  # odd number of cells
    ],
)
def test_rows_that_are_not_key_value_rows(row: tuple[str, ...]) -> None:
    assert kv_pairs(cells(*row)) is None
