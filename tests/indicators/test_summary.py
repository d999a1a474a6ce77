"""indicator_summary: the headline other apps show (latest value, England, comparison, trend,
target status)."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from tests.factories import IndicatorFactory
from tests.indicators.conftest import NEIGHBOUR
from wellboard.indicators.loaders import load_local_csv
from wellboard.indicators.models import Indicator
from wellboard.indicators.summary import indicator_summary
from wellboard.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def asq(partnership: Partnership) -> Indicator:
    return Indicator.objects.get(partnership=partnership, code="PHOF 2.05ii")


def test_summary_for_the_reporting_area_uses_published_labels(loaded: Partnership) -> None:
    summary = indicator_summary(asq(loaded))
    assert (summary.area_name, summary.period) == ("Elmbridge Vale", "2021/22")
    assert summary.value == pytest.approx(100 * 8800 / 9400, abs=1e-5)
    assert summary.england == pytest.approx(100 * 560000 / 615000, abs=1e-5)
    assert summary.region == pytest.approx(100 * 88500 / 97500, abs=1e-5)
    assert summary.comparison == "Better"
    assert summary.trend == "Increasing and getting better"
    assert summary.trend_arrow == "\N{UPWARDS ARROW}"
    assert summary.target_status == "No target set"


def test_summary_for_another_area_computes_the_trend(loaded: Partnership) -> None:
    summary = indicator_summary(asq(loaded), area_code=NEIGHBOUR)
    assert summary.area_name == "Northmoor"
    assert summary.comparison == "Worse"
    # 84.5% -> 79.1% over five years on ~7,000 children: the chi-squared test for trend is
    # far beyond 99.8%, and the catalogue says higher is better.
    assert summary.trend == "Decreasing and getting worse"


def test_comparison_is_computed_from_the_interval_when_not_published(loaded: Partnership) -> None:
    indicator = asq(loaded)
    indicator.values.update(compared_to_england="")
    assert indicator_summary(indicator).comparison == "Better"
    assert indicator_summary(indicator, area_code=NEIGHBOUR).comparison == "Worse"


def test_target_progress_on_a_straight_line(loaded: Partnership) -> None:
    indicator = asq(loaded)
    indicator.baseline, indicator.baseline_period = 86.17, "2017/18"
    indicator.target, indicator.target_date = 95.0, dt.date(2024, 3, 31)
    indicator.save()
    # Trajectory at 31 Mar 2022: 86.17 + (95 - 86.17) * 4/6 = 92.06; latest 93.6 is ahead.
    assert indicator_summary(indicator).target_status == "On track"
    indicator.target_date = dt.date(2022, 9, 30)  # trajectory 93.8 by the end of 2021/22
    indicator.save()
    assert indicator_summary(indicator).target_status == "At risk"
    indicator.target = 93.0
    indicator.save()
    assert indicator_summary(indicator).target_status == "Achieved"


def test_target_without_date_is_met_or_not(loaded: Partnership) -> None:
    indicator = asq(loaded)
    indicator.target, indicator.target_date = 95.0, None
    indicator.save()
    assert indicator_summary(indicator).target_status == "Does not meet target"


def test_indicator_without_data() -> None:
    summary = indicator_summary(IndicatorFactory(code="PHOF 2.14"))
    assert not summary.has_data
    assert (summary.comparison, summary.trend) == ("Not available", "Not available")
    assert summary.trend_arrow == ""


def test_local_values_without_england_are_not_compared() -> None:
    indicator = IndicatorFactory(
        code="Breastfeeding (local)", unit="%", polarity="higher_is_better"
    )
    text = "area,period,numerator,denominator\n" + "".join(
        f"EV,{year}/{str(year + 1)[2:]},{400 + 10 * i},1000\n"
        for i, year in enumerate(range(2019, 2024))
    )
    load_local_csv(indicator=indicator, source=io.StringIO(text))
    summary = indicator_summary(indicator)
    assert (summary.area_code, summary.period, summary.value) == ("EV", "2023/24", 44.0)
    assert summary.comparison == "Not compared"
    # 40% -> 44% on 1,000 a year: chi-squared for trend = 4.11 by hand, below the 99.8%
    # critical value 9.55 that Fingertips uses.
    assert summary.trend == "No significant change"
