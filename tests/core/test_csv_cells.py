"""The one rule for CSV number cells (statistics command and indicator loaders)."""

from __future__ import annotations

import pytest

from wellboard.core.csv_cells import CellError, number_cell


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12.0), (" 0.5 ", 0.5), (".5", 0.5), ("5.", 5.0), ("1e3", 1000.0), ("+4", 4.0),
     ("", None), ("   ", None)],
)  # fmt: skip
def test_numbers_and_empty_cells(text: str, value: float | None) -> None:
    assert number_cell(text, "numerator", 2) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [("ten", "row 7: count 'ten' is not a number"),
     ("nan", "row 7: count 'nan' is not a number"),
     ("1,000", "row 7: count '1,000' is not a number"),
     ("1e999", "row 7: count '1e999' is not a finite number"),
     ("-3", "row 7: count must not be negative (-3)")],
)  # fmt: skip
def test_refusals_name_the_row_and_column(text: str, message: str) -> None:
    with pytest.raises(CellError) as caught:
        number_cell(text, "count", 7)
    assert str(caught.value) == message


def test_thousands_separators_and_negatives_when_the_caller_allows_them() -> None:
    assert number_cell("1,234.5", "Value", 3, thousands=True) == 1234.5
    assert number_cell("-2.5", "Value", 3, negative=True) == -2.5
