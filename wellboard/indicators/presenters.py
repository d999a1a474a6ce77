"""Template data for indicator pages: charts (from wellboard.core.charts) and tables."""

from __future__ import annotations

from dataclasses import dataclass

from wellboard.core.charts import Bar, Chart, TrendPoint, comparison_chart, trend_chart
from wellboard.indicators.models import ENGLAND_CODE, Indicator, IndicatorValue
from wellboard.indicators.series import (
    SeriesKey,
    available_series,
    by_area,
    headline_values,
    home_area,
    latest_period,
)


def decimals_for(indicator: Indicator) -> int:
    return 0 if indicator.effective_unit.startswith("per") else 1


@dataclass(frozen=True)
class IndicatorPage:
    indicator: Indicator
    area_code: str
    region_code: str
    series: list[IndicatorValue]
    trend: Chart | None
    has_areas: bool
    shown: SeriesKey | None = None
    choices: tuple[SeriesKey, ...] = ()
    values: tuple[IndicatorValue, ...] = ()  # every area's values of the series shown

    @property
    def label(self) -> str:
        return self.shown.label if self.shown else ""


def chosen_series(
    indicator: Indicator, number: str | None
) -> tuple[SeriesKey | None, list[SeriesKey]]:
    """The series picked on the page (?series=N, N counted from 0), else the default."""
    choices = available_series(indicator)
    if number and number.isdigit() and int(number) < len(choices):
        return choices[int(number)], choices
    return (choices[0] if choices else None), choices


def indicator_page(
    indicator: Indicator,
    key: SeriesKey | None = None,
    choices: list[SeriesKey] | None = None,
) -> IndicatorPage:
    """The page's series, chart and table; `choices`: the indicator's series when the
    caller has read them already (`chosen_series`), so they are not read again."""
    if choices is None:
        key, choices = (key, available_series(indicator)) if key else chosen_series(indicator, None)
    values = headline_values(indicator, key)
    area, region = home_area(indicator, values)
    series = by_area(values, area) if area else []
    england = {v.period_label: v.value for v in by_area(values, ENGLAND_CODE)}
    region_values = {v.period_label: v.value for v in by_area(values, region)} if region else {}
    chart = None
    if series:
        name = series[-1].area_name or area
        chart = trend_chart(
            [TrendPoint(v.period_label, v.value, v.lower_ci95, v.upper_ci95) for v in series],
            title=f"{indicator.name or indicator.code}: {name}, {key.label if key else ''}, trend",
            chart_id=f"trend-{indicator.pk}",
            unit=indicator.effective_unit,
            decimals=decimals_for(indicator),
            benchmark=england,
            target=indicator.target,
        )
    for v in series:
        v.region_value = region_values.get(v.period_label)  # type: ignore[attr-defined]
        v.england_value = england.get(v.period_label)  # type: ignore[attr-defined]
    areas = {v.area_code for v in values if v.area_code != ENGLAND_CODE}
    return IndicatorPage(
        indicator, area, region, series, chart, len(areas) > 1, key, tuple(choices), tuple(values)
    )


def area_chart(indicator: Indicator, period: str | None = None) -> tuple[Chart | None, str]:
    """Every area of one period (the latest by default), sorted by value."""
    values = headline_values(indicator)
    period = period or latest_period(values)
    rows = [v for v in values if v.period_label == period]
    area, region = home_area(indicator, values)
    england = next((v.value for v in rows if v.area_code == ENGLAND_CODE), None)
    # Areas of the partnership's own type, plus its region, compared with England.
    own_type = next((v.area_type for v in rows if v.area_code == area), None)
    shown = [
        v
        for v in rows
        if v.area_code != ENGLAND_CODE
        and (own_type is None or v.area_type == own_type or v.area_code == region)
    ]
    shown.sort(key=lambda v: (v.value is None, -(v.value or 0.0)))
    if not shown:
        return None, period
    bars = [
        Bar(
            v.area_name or v.area_code,
            v.value,
            v.lower_ci95,
            v.upper_ci95,
            v.compared_to_england,
            highlight=v.area_code == area,
        )
        for v in shown
    ]
    chart = comparison_chart(
        bars,
        title=f"{indicator.name or indicator.code}: areas compared, {period}",
        chart_id=f"areas-{indicator.pk}",
        unit=indicator.effective_unit,
        decimals=decimals_for(indicator),
        benchmark=england,
    )
    return chart, period
