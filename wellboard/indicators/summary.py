"""The headline of an indicator for one area: latest value, England, comparison, trend and
progress towards the board's target. The reports app and the theme outcomes page both use
``indicator_summary``; all statistics come from wellboard.core.stats.

- Comparison with England: the label Fingertips published with the value when there is one
  (it may rest on 99.8% limits or quintiles), else the 95% interval against England's value
  (Fingertips' "confidence intervals overlapping reference value" method).
- Trend: the "Recent Trend" label Fingertips published, else the Fingertips trend test over
  the last five points (chi-squared test for trend for proportions with counts, weighted
  regression on the 95% limits otherwise).
- Target: the straight-line trajectory from the baseline (the board's baseline, or the
  first value in the series when none is recorded) to the target and target date; without
  a target date, whether the latest value meets the target.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from wellboard.core.stats import (
    compare_with_benchmark,
    compare_with_target,
    comparison_labels,
    progress_labels,
    progress_towards_target,
    proportion_trend,
    target_labels,
    trend_labels,
    value_trend,
)
from wellboard.indicators.models import ENGLAND_CODE, Indicator, IndicatorValue
from wellboard.indicators.periods import period_bounds
from wellboard.indicators.series import SeriesKey, by_area, headline_values, home_area

NOT_AVAILABLE = "Not available"


@dataclass(frozen=True)
class IndicatorSummary:
    indicator: Indicator
    area_code: str
    area_name: str
    period: str
    value: float | None
    lower: float | None
    upper: float | None
    england: float | None
    region: float | None
    comparison: str
    trend: str
    target_status: str

    @property
    def has_data(self) -> bool:
        return self.value is not None

    @property
    def trend_arrow(self) -> str:
        """An arrow for the spine table; the words are always shown beside it."""
        if self.trend.startswith("Increasing"):
            return "\N{UPWARDS ARROW}"
        if self.trend.startswith("Decreasing"):
            return "\N{DOWNWARDS ARROW}"
        if self.trend == "No significant change":
            return "\N{RIGHTWARDS ARROW}"
        return ""


def indicator_summary(
    indicator: Indicator,
    area_code: str | None = None,
    key: SeriesKey | None = None,
    read: tuple[list[IndicatorValue], tuple[str, str]] | None = None,
) -> IndicatorSummary:
    """`read`: the series' values and the (area, region) codes when the caller has read
    them already (the indicator page reads them for its chart and table), else read here."""
    if read is None:
        values = headline_values(indicator, key)
        read = values, home_area(indicator, values)
    values, (home, region_code) = read
    code = area_code or home
    series = [v for v in by_area(values, code) if v.value is not None] if code else []
    if not series:
        return IndicatorSummary(
            indicator, code, "", "", None, None, None, None, None,
            NOT_AVAILABLE, NOT_AVAILABLE, target_status(indicator, []),
        )  # fmt: skip
    latest = series[-1]
    same_period = [v for v in values if v.period_label == latest.period_label]
    england = _value_of(same_period, ENGLAND_CODE)
    return IndicatorSummary(
        indicator=indicator,
        area_code=code,
        area_name=latest.area_name,
        period=latest.period_label,
        value=latest.value,
        lower=latest.lower_ci95,
        upper=latest.upper_ci95,
        england=england,
        region=_value_of(same_period, region_code) if region_code else None,
        comparison=comparison_with_england(indicator, latest, england),
        trend=recent_trend(indicator, series),
        target_status=target_status(indicator, series),
    )


def _value_of(values: list[IndicatorValue], area_code: str) -> float | None:
    return next((v.value for v in values if v.area_code == area_code), None)


def _polarity(indicator: Indicator) -> str | None:
    return indicator.effective_polarity or None


def comparison_with_england(
    indicator: Indicator, value: IndicatorValue, england: float | None
) -> str:
    if value.compared_to_england:
        return value.compared_to_england
    if value.area_code == ENGLAND_CODE or england is None:
        return "Not compared"
    code = compare_with_benchmark(_nan(value.lower_ci95), _nan(value.upper_ci95), england)
    return str(comparison_labels(code, _polarity(indicator)))


def recent_trend(indicator: Indicator, series: list[IndicatorValue]) -> str:
    if series[-1].trend:
        return series[-1].trend
    last = series[-5:]
    if all(v.numerator is not None and v.denominator for v in last) and (
        indicator.effective_unit == "%"
    ):
        result = proportion_trend(
            [[_nan(v.numerator) for v in last]], [[_nan(v.denominator) for v in last]]
        )
    else:
        result = value_trend(
            [[_nan(v.value) for v in last]],
            [[_nan(v.lower_ci95) for v in last]],
            [[_nan(v.upper_ci95) for v in last]],
        )
    return str(trend_labels(result.codes, _polarity(indicator))[0])


def target_status(indicator: Indicator, series: list[IndicatorValue]) -> str:
    if indicator.target is None:
        return "No target set"
    if not series:
        return progress_labels(0).item()
    latest = series[-1]
    polarity = _polarity(indicator)
    if indicator.target_date is None:
        if polarity is None:
            return progress_labels(0).item()
        return str(
            target_labels(compare_with_target(_nan(latest.value), indicator.target, polarity))
        )
    baseline, baseline_date = _baseline(indicator, series)
    progress = progress_towards_target(
        baseline, _date(baseline_date), indicator.target, indicator.target_date,
        _nan(latest.value), _date(_end(latest)), polarity,
    )  # fmt: skip
    return str(progress_labels(progress.codes))


def _baseline(indicator: Indicator, series: list[IndicatorValue]) -> tuple[float, date | None]:
    if indicator.baseline is not None:
        _start, end, _sort = period_bounds(indicator.baseline_period)
        return indicator.baseline, end or (_end(series[0]) if series else None)
    first = series[0]
    return float(first.value if first.value is not None else np.nan), _end(first)


def _end(value: IndicatorValue) -> date | None:
    return value.period_end or value.period_start


def _date(value: date | None) -> np.datetime64:
    return np.datetime64(value, "D") if value else np.datetime64("NaT", "D")


def _nan(value: float | None) -> float:
    return np.nan if value is None else value
