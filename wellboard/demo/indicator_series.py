"""Demo values for one outcome indicator, by sex and by deprivation decile.

Healthy life expectancy at birth (PHOF 0.1i, Fingertips 90362) for the demo county and
England over five periods with 95% confidence limits, as a Fingertips download holds it:
persons, males, females and the most and least deprived deciles (five periods, so the page
can work out a recent trend, and limits, so it can compare the county with England). The
indicator page then shows persons first and offers the other series. The figures are
invented. Added once: a partnership that already has values for the indicator keeps them.
"""

from __future__ import annotations

import csv
import io

from wellboard.indicators.loaders import load_fingertips_csv
from wellboard.indicators.models import IndicatorValue
from wellboard.partnerships.models import Partnership

# The invented county's code and region, as the indicator test data names them.
AREA_CODE, AREA_NAME = "E10000099", "Elmbridge Vale"
REGION_CODE, REGION_NAME = "E12000008", "South East region"
PERIODS = [
    ("2017 - 19", 2017), ("2018 - 20", 2018), ("2019 - 21", 2019), ("2020 - 22", 2020),
    ("2021 - 23", 2021),
]  # fmt: skip
CI_HALF_WIDTH = {"county": 0.7, "england": 0.1}  # years either side of the value
# (sex, category type, category, county values by period, England values by period)
SERIES = [
    ("Persons", "", "", (63.9, 63.5, 63.1, 62.8, 61.6), (63.3, 63.1, 62.9, 62.4, 61.9)),
    ("Male", "", "", (63.4, 63.0, 62.7, 62.3, 61.2), (63.1, 62.9, 62.6, 62.4, 61.5)),
    ("Female", "", "", (64.3, 63.9, 63.5, 63.2, 62.0), (63.9, 63.6, 63.3, 62.7, 62.2)),
    ("Persons", "LSOA11 deprivation deciles", "Most deprived decile",
     (53.1, 52.6, 52.2, 51.8, 51.1), (52.9, 52.4, 52.0, 51.5, 51.0)),
    ("Persons", "LSOA11 deprivation deciles", "Least deprived decile",
     (71.8, 71.6, 71.5, 71.3, 71.0), (71.5, 71.2, 71.0, 70.9, 70.6)),
]  # fmt: skip
COLUMNS = [
    "Indicator ID", "Indicator Name", "Parent Code", "Parent Name", "Area Code", "Area Name",
    "Area Type", "Sex", "Age",
    "Category Type", "Category", "Time period", "Value", "Lower CI 95.0 limit",
    "Upper CI 95.0 limit", "Time period Sortable",
]  # fmt: skip


def _download() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for sex, category_type, category, county, england in SERIES:
        for (period, year), here, nation in zip(PERIODS, county, england, strict=True):
            for parent, parent_name, code, name, kind, value in (
                (REGION_CODE, REGION_NAME, AREA_CODE, AREA_NAME, "County & UA (4/23)", here),
                ("", "", "E92000001", "England", "England", nation),
            ):
                half = CI_HALF_WIDTH["england" if code == "E92000001" else "county"]
                writer.writerow([
                    "90362", "Healthy life expectancy at birth", parent, parent_name, code,
                    name, kind, sex,
                    "All ages", category_type, category, period, value,
                    round(value - half, 1), round(value + half, 1), year * 10000,
                ])  # fmt: skip
    return out.getvalue()


def add_indicator_series(partnership: Partnership) -> int:
    """Load the demo's series once; the number of values added."""
    loaded = IndicatorValue.objects.filter(
        indicator__partnership=partnership, indicator__code="PHOF 0.1i"
    )
    if loaded.exists():
        return 0
    source = io.StringIO(_download())
    return load_fingertips_csv(partnership=partnership, source=source, area_code=AREA_CODE).rows
