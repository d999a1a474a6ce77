"""Picking the headline series out of an indicator's values.

A Fingertips download holds many breakdowns of one indicator (sexes, ages, deprivation
quintiles, localities). The headline is what Fingertips shows first: no category, and the
sex and age that cover the most of the indicator's rows, with "Persons" preferred, since an
indicator such as breastfeeding prevalence is published for one age group only.
"""

from __future__ import annotations

from collections import Counter

from wellboard.indicators.models import ENGLAND_CODE, Indicator, IndicatorValue, ReportingArea


def headline_values(indicator: Indicator) -> list[IndicatorValue]:
    values = list(indicator.values.filter(category_type="").order_by("period_sort", "id"))
    if not values:
        return []
    counts = Counter((v.sex, v.age) for v in values)
    sex, age = max(counts, key=lambda key: (key[0] in {"Persons", ""}, counts[key]))
    return [v for v in values if v.sex == sex and v.age == age]


def home_area(indicator: Indicator, values: list[IndicatorValue]) -> tuple[str, str]:
    """(area code, region code) the partnership reports on: its ReportingArea where set,
    else the one area other than England that the data holds (local uploads)."""
    area = ReportingArea.objects.filter(partnership_id=indicator.partnership_id).first()
    if area is not None:
        return area.area_code, area.region_code
    codes = {v.area_code for v in values if v.area_code != ENGLAND_CODE}
    return (codes.pop(), "") if len(codes) == 1 else ("", "")


def by_area(values: list[IndicatorValue], area_code: str) -> list[IndicatorValue]:
    return [v for v in values if v.area_code == area_code]


def latest_period(values: list[IndicatorValue]) -> str:
    return values[-1].period_label if values else ""
