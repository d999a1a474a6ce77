"""Every expected row of PHEindicatormethods' own test spreadsheets, reproduced.

The workbooks live in ../shared/data/phe_testdata (not shipped with the project); these tests
skip where that folder is absent, and a checked subset of the same values is copied into
test_proportions.py, test_rates.py and test_means.py so the engine stays tested without it.

Tolerance: the sheets hold R's results at full double precision (no rounding), and the engine
agrees to within 2.1e-14 relative on every row (largest gap: a 99.8% Wilson limit), so 1e-12
relative is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pytest

from wellboard.core.stats.means import mean_interval
from wellboard.core.stats.proportions import wilson_interval
from wellboard.core.stats.rates import byars_lower, byars_upper, crude_rate

TESTDATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "phe_testdata"
TOLERANCE = 1e-12

pytestmark = pytest.mark.skipif(
    not TESTDATA.exists(), reason="../shared/data/phe_testdata (PHE test workbooks) is absent"
)


def sheet(workbook: str, name: str) -> list[dict[str, Any]]:
    if not TESTDATA.exists():
        return []
    book = openpyxl.load_workbook(TESTDATA / workbook, read_only=True, data_only=True)
    rows = book[name].iter_rows(values_only=True)
    header = next(rows)
    found = [dict(zip(header, row, strict=True)) for row in rows if any(v is not None for v in row)]
    book.close()
    return found


def number(value: Any) -> float:
    return np.nan if value is None else float(value)


def assert_same(got: Any, expected: Any) -> None:
    got, expected = float(got), number(expected)
    if np.isnan(expected):
        assert np.isnan(got)
    else:
        assert got == pytest.approx(expected, rel=TOLERANCE, abs=0)


def confidence_of(label: str) -> float:
    return {"95%": 0.95, "99.8%": 0.998}[label]


LEVELS = [(0.95, "lower95_0cl", "upper95_0cl"), (0.998, "lower99_8cl", "upper99_8cl")]


def assert_interval(result, row, lower, upper):
    """The value and both limits agree with PHE's expected row."""
    assert_same(result.value, row["value"])
    assert_same(result.lower, row[lower])
    assert_same(result.upper, row[upper])


@pytest.mark.parametrize("row", sheet("testdata_Proportion.xlsx", "testdata_Prop"))
@pytest.mark.parametrize(("confidence", "lower", "upper"), LEVELS)
def test_proportions(row, confidence, lower, upper):
    result = wilson_interval(
        number(row["Numerator"]), number(row["Denominator"]), confidence, row["multiplier"]
    )
    assert_interval(result, row, lower, upper)


@pytest.mark.parametrize("row", sheet("testdata_Proportion.xlsx", "testdata_Prop_g"))
def test_grouped_proportions(row):
    result = wilson_interval(
        number(row["Numerator"]),
        number(row["Denominator"]),
        confidence_of(row["confidence"]),
        row["multiplier"],
    )
    assert_interval(result, row, "lowercl", "uppercl")


@pytest.mark.parametrize("row", sheet("testdata_Rate.xlsx", "testdata_Rate"))
@pytest.mark.parametrize(("confidence", "lower", "upper"), LEVELS)
def test_rates(row, confidence, lower, upper):
    result = crude_rate(
        number(row["Numerator"]), number(row["Denominator"]), confidence, row["multiplier"]
    )
    assert_interval(result, row, lower, upper)


@pytest.mark.parametrize("row", sheet("testdata_Rate.xlsx", "testdata_Rate_g"))
def test_grouped_rates(row):
    result = crude_rate(
        number(row["Numerator"]),
        number(row["Denominator"]),
        confidence_of(row["confidence"]),
        row["multiplier"],
    )
    assert_interval(result, row, "lowercl", "uppercl")


@pytest.mark.parametrize("row", sheet("testdata_Byars_Wilson.xlsx", "testdata_B_W"))
def test_byars_and_wilson_limits(row):
    confidence = confidence_of(row["confidence"])
    if row["method"] == "Byars":
        lower, upper = byars_lower(row["x"], confidence), byars_upper(row["x"], confidence)
    else:
        _, lower, upper = wilson_interval(row["x"], row["n"], confidence)
    assert_same(lower, row["lowercl"])
    assert_same(upper, row["uppercl"])


def test_means():
    values = sheet("testdata_Mean.xlsx", "testdata_Mean")
    expected = {row["area"]: row for row in sheet("testdata_Mean.xlsx", "testdata_Mean_results")}
    areas = [row["area"] for row in values]
    data = [row["values"] for row in values]
    for confidence, lower, upper in LEVELS:
        by_area = mean_interval(data, areas, confidence)
        overall = mean_interval(data, None, confidence)
        results = {str(a): i for i, a in enumerate(by_area.groups)}
        checked = 0
        for area, row in expected.items():
            source, i = (overall, 0) if area == "No grouping" else (by_area, results[area])
            assert_same(source.value[i], row["value"])
            assert_same(source.lower[i], row[lower])
            assert_same(source.upper[i], row[upper])
            checked += 1
        assert checked == 3
