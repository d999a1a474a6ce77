"""Local indicator uploads: values and limits computed by the stats engine."""

from __future__ import annotations

import io
import math

import pytest

from tests.factories import IndicatorFactory
from tests.indicators.conftest import FIXTURES
from wellboard.indicators.loaders import LoadError, load_local_csv
from wellboard.indicators.loaders.local import method_for_unit
from wellboard.indicators.models import IndicatorValue

pytestmark = pytest.mark.django_db
Z95 = 1.959963984540054


def wilson(x: float, n: float, z: float) -> tuple[float, float]:
    """Wilson score limits written out from Newcombe and Altman (2000), independently."""
    centre, spread = 2 * x + z * z, z * math.sqrt(z * z + 4 * x * (1 - x / n))
    return (centre - spread) / (2 * (n + z * z)), (centre + spread) / (2 * (n + z * z))


def test_percentages_get_wilson_limits_at_95_and_99_8() -> None:
    indicator = IndicatorFactory(code="Breastfeeding at 6-8 weeks (local)", unit="%")
    result = load_local_csv(indicator=indicator, source=FIXTURES / "local_breastfeeding.csv")
    assert result.rows == 4
    north = IndicatorValue.objects.get(area_code="EV-N", period_label="2022/23")
    lower, upper = wilson(412, 1003, Z95)
    assert north.value == pytest.approx(100 * 412 / 1003)
    assert (north.lower_ci95, north.upper_ci95) == (
        pytest.approx(100 * lower), pytest.approx(100 * upper),
    )  # fmt: skip
    assert north.lower_ci998 < north.lower_ci95 and north.upper_ci998 > north.upper_ci95
    assert (north.area_name, north.source) == ("Elmbridge Vale North", "local")
    zero = IndicatorValue.objects.get(area_code="EV-S", period_label="2023/24")
    assert (zero.value, zero.lower_ci95) == (0.0, 0.0)
    assert zero.upper_ci95 == pytest.approx(100 * wilson(0, 12, Z95)[1])


def test_rates_get_exact_poisson_limits_below_ten_events() -> None:
    indicator = IndicatorFactory(code="Falls admissions (local)", unit="per 100,000")
    load_local_csv(
        indicator=indicator,
        source=io.StringIO("area,period,numerator,denominator\nN,2023,5,20000\n"),
    )
    value = IndicatorValue.objects.get()
    # Exact Poisson limits for 5 events: chi-squared(0.025, 10)/2 and chi-squared(0.975, 12)/2.
    assert value.value == pytest.approx(25.0)
    assert value.lower_ci95 == pytest.approx(1.623486 * 5, rel=1e-5)
    assert value.upper_ci95 == pytest.approx(11.668332 * 5, rel=1e-5)


def test_values_without_counts_are_kept_as_given() -> None:
    indicator = IndicatorFactory(code="Resident satisfaction (local)", unit="score")
    load_local_csv(
        indicator=indicator,
        source=io.StringIO("area,period,value,lower,upper\nAll,2024,7.1,6.8,7.4\n"),
    )
    value = IndicatorValue.objects.get()
    assert (value.value, value.lower_ci95, value.upper_ci95, value.numerator) == (
        7.1,
        6.8,
        7.4,
        None,
    )


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("%", ("wilson", 100.0)),
        ("per 1,000", ("byars", 1000.0)),
        ("per 100,000", ("byars", 1e5)),
        ("score", None),
    ],
)
def test_method_follows_the_unit(unit: str, expected: tuple[str, float] | None) -> None:
    assert method_for_unit(unit) == expected


@pytest.mark.parametrize(
    ("unit", "text", "message"),
    [
        (
            "%",
            "area,period,numerator,denominator\nN,2022,1,10\nN,2023,12,10\n",
            "row 3: numerator is greater than denominator",
        ),
        (
            "%",
            "area,period,numerator,denominator\nN,2023,5,\n",
            "row 2: give both numerator and denominator",
        ),
        (
            "%",
            "area,period,numerator,denominator\nN,2023,0,0\n",
            "row 2: denominator must be greater than zero",
        ),
        (
            "%",
            "area,period,numerator,denominator\nN,2023,five,10\n",
            "row 2: numerator 'five' is not a number",
        ),
        (
            "%",
            "area,period,numerator,denominator\nN,2023,-1,10\n",
            "row 2: numerator must not be negative",
        ),
        ("%", "area,period,value\nN,2023,\n", "row 2: give numerator and denominator, or a value"),
        ("%", "area,period,value\n,2023,4\n", "row 2: area is empty"),
        ("%", "area,numerator\nN,1\n", "row 1: missing column period"),
        (
            "score",
            "area,period,numerator,denominator\nN,2023,1,10\n",
            "row 2: the indicator's unit 'score'",
        ),
        (
            "%",
            "area,period,value,lower,upper\nN,2023,5,6,4\n",
            "row 2: the lower 95% limit 6 is above",
        ),
    ],
)
def test_bad_local_input_names_the_row_and_changes_nothing(
    unit: str, text: str, message: str
) -> None:
    indicator = IndicatorFactory(code="A local indicator", unit=unit)
    with pytest.raises(LoadError, match=message):
        load_local_csv(indicator=indicator, source=io.StringIO(text))
    assert IndicatorValue.objects.count() == 0
