"""Picking a series out of an indicator's values, and labelling it.

A Fingertips download holds many series of one indicator: sexes, age bands, deprivation
quintiles and other categories. Every series is kept. The one shown first is Fingertips'
own default: no category, "Persons" (or no sex given), and of those the age band with the
most rows, since an indicator such as breastfeeding prevalence is published for one age
group only. An indicator published only by sex (life expectancy) has no persons series:
its first series is shown with its label, so one sex's value is never passed off as the
indicator's, and the indicator page offers every series by its label.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from wellboard.indicators.models import ENGLAND_CODE, Indicator, IndicatorValue, ReportingArea

PERSONS = frozenset({"Persons", ""})


@dataclass(frozen=True)
class SeriesKey:
    """One series of an indicator: its sex, age band and category."""

    sex: str = ""
    age: str = ""
    category_type: str = ""
    category: str = ""

    @property
    def label(self) -> str:
        """ "Persons, 16+ yrs", "Female, All ages, Deprivation deciles: Most deprived"."""
        category = f"{self.category_type}: {self.category}" if self.category_type else self.category
        return ", ".join(p for p in (self.sex or "Persons", self.age, category) if p)


def key_of(value: IndicatorValue) -> SeriesKey:
    return SeriesKey(value.sex, value.age, value.category_type, value.category)


def available_series(indicator: Indicator) -> list[SeriesKey]:
    """Every series, the default first, then uncategorised ones, then by number of rows."""
    counts = Counter(
        SeriesKey(*row)
        for row in indicator.values.values_list("sex", "age", "category_type", "category")
    )
    return sorted(
        counts,
        key=lambda k: (
            bool(k.category_type or k.category),
            k.sex not in PERSONS,
            -counts[k],
            k.label,
        ),
    )


def headline_values(indicator: Indicator, key: SeriesKey | None = None) -> list[IndicatorValue]:
    """The values of one series (the default one unless ``key`` names another)."""
    if key is None:
        choices = available_series(indicator)
        if not choices:
            return []
        key = choices[0]
    return list(
        indicator.values.filter(
            sex=key.sex, age=key.age, category_type=key.category_type, category=key.category
        ).order_by("period_sort", "id")
    )


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
