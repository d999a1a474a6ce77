"""Demo values for the strategy's other outcome indicators, so every indicator page has a
latest value, a comparison with England and a recent trend (issue #11.8).

Healthy life expectancy has its own module (indicator_series.py) with its breakdowns; this
one gives each other indicator five periods for the demo county and England, each with 95%
limits, through the loaders the app uses for real data:

- the PHOF indicators Fingertips publishes go in as a Fingertips download (their Fingertips
  indicator IDs recorded on the demo's indicators, where the catalogue does not hold one);
- the ASCOF and NHSOF measures, which NHS England publishes outside Fingertips, and the
  board's local indicators go in as the board's own upload (the local CSV), England's
  published value beside the county's where there is one.

Every figure is invented. Added once per indicator: an indicator that already has values
keeps them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from wellboard.demo.indicator_series import AREA_CODE, AREA_NAME, REGION_CODE, REGION_NAME
from wellboard.indicators.loaders import load_fingertips_csv, load_local_csv
from wellboard.indicators.models import ENGLAND_CODE, Indicator
from wellboard.partnerships.models import Partnership

# Period labels as the sources print them, with Fingertips' sortable key (the start year).
FINANCIAL = [(f"{y}/{str(y + 1)[2:]}", y) for y in range(2019, 2024)]
CALENDAR = [(str(y), y) for y in range(2019, 2024)]
THREE_YEAR = [(f"{y} - {str(y + 2)[2:]}", y) for y in range(2017, 2022)]


@dataclass(frozen=True)
class Series:
    """One indicator's invented series: county and England values, period by period."""

    code: str
    periods: list[tuple[str, int]]
    county: tuple[float, ...]
    england: tuple[float, ...] | None
    half_width: float  # the county's 95% limits either side of its value
    fingertips_id: str = ""  # set: loaded as a Fingertips download
    sex: str = "Persons"


# The county improves on some, slips on others, and sits better than, like or worse than
# England, so the pages show each comparison and trend the app can draw.
SERIES = [
    Series("PHOF 0.2iii", THREE_YEAR, (8.9, 8.7, 8.8, 8.4, 8.1), (9.4, 9.5, 9.7, 10.3, 10.5),
           0.6, "90364", "Male"),
    Series("PHOF 0.2iii", THREE_YEAR, (6.6, 6.5, 6.7, 6.5, 6.3), (7.6, 7.7, 7.9, 8.3, 8.5),
           0.5, "90364", "Female"),
    Series("PHOF 1.01ii", FINANCIAL, (13.9, 14.4, 14.1, 15.2, 15.8),
           (17.0, 17.6, 17.5, 19.9, 20.1), 0.3, "10101"),
    Series("PHOF 2.02ii", FINANCIAL, (44.8, 43.9, 43.5, 42.7, 43.1),
           (48.0, 47.6, 49.3, 49.2, 52.7), 1.4, "92517"),
    Series("PHOF 2.03", FINANCIAL, (12.2, 11.4, 10.9, 10.3, 9.8), (10.4, 9.6, 9.1, 8.8, 7.4),
           0.8, "93085"),
    Series("PHOF 2.06ii", FINANCIAL, (33.0, 34.9, 37.8, 36.1, 35.6),
           (35.2, 37.8, 37.8, 36.6, 36.6), 1.2, "20602"),
    Series("PHOF 2.14", CALENDAR, (14.8, 13.6, 13.0, 12.5, 12.1), (13.9, 12.1, 13.3, 12.7, 11.9),
           1.3, "92443"),
    Series("PHOF 4.04i", THREE_YEAR, (66.9, 66.2, 69.4, 70.8, 71.3), (70.4, 70.1, 74.5, 76.0, 77.1),
           3.6, "40401"),
    Series("ASCOF 1A", FINANCIAL, (19.2, 19.0, 19.1, 18.9, 19.0), (19.1, 18.9, 19.2, 19.0, 19.1),
           0.2),
    Series("ASCOF 1I(1)", FINANCIAL, (44.1, 39.8, 38.7, 40.9, 42.0), (45.9, 40.6, 40.0, 44.4, 45.6),
           2.1),
    Series("ASCOF 2A(2)", FINANCIAL, (571.0, 512.0, 539.0, 561.0, 548.0),
           (584.0, 498.0, 538.0, 560.0, 566.0), 18.0),
    Series("ASCOF 2B(1)", FINANCIAL, (82.6, 79.1, 81.0, 80.2, 80.4), (82.0, 79.1, 81.8, 82.3, 83.8),
           2.4),
    Series("ASCOF 3A", FINANCIAL, (64.3, 63.0, 62.1, 61.5, 62.0), (64.2, 64.2, 63.9, 63.4, 64.5),
           2.2),
    Series("NHSOF 2.1", CALENDAR, (58.2, 59.0, 59.6, 60.4, 61.0), (59.6, 60.1, 58.8, 60.0, 62.4),
           1.0),
    Series("NHSOF 3b", FINANCIAL, (13.2, 13.8, 14.1, 14.6, 14.9), (14.5, 14.8, 14.9, 15.4, 15.6),
           0.3),
    Series("LOCAL early-maternity-booking", FINANCIAL, (63.0, 64.4, 66.1, 68.0, 70.5), None, 2.6),
    Series("LOCAL social-prescribing-referrals", FINANCIAL,
           (3100.0, 3900.0, 4600.0, 5400.0, 6350.0), None, 120.0),
]  # fmt: skip
ENGLAND_SHARE = 0.002  # England's limits are narrow: this share of its value either side
FINGERTIPS_COLUMNS = [
    "Indicator ID", "Indicator Name", "Parent Code", "Parent Name", "Area Code", "Area Name",
    "Area Type", "Sex", "Age", "Time period", "Value", "Lower CI 95.0 limit",
    "Upper CI 95.0 limit", "Time period Sortable",
]  # fmt: skip
LOCAL_COLUMNS = ["area", "area_name", "period", "sex", "value", "lower", "upper"]


def _rows(series: Series) -> list[tuple[str, str, str, str, float, float, float, int]]:
    """(area code, area name, kind, period, value, lower, upper, sortable) for each row."""
    places = [(AREA_CODE, AREA_NAME, "County & UA (4/23)", series.county, series.half_width)]
    if series.england is not None:
        places.append((ENGLAND_CODE, "England", "England", series.england, 0.0))
    rows = []
    for code, name, kind, values, half in places:
        for (period, year), value in zip(series.periods, values, strict=True):
            width = half or max(abs(value) * ENGLAND_SHARE, 0.05)
            rows.append((code, name, kind, period, value, round(value - width, 2),
                         round(value + width, 2), year * 10000))  # fmt: skip
    return rows


def _fingertips_download(series: list[Series], names: dict[str, str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(FINGERTIPS_COLUMNS)
    for one in series:
        for code, name, kind, period, value, lower, upper, sortable in _rows(one):
            parent = ("", "") if code == ENGLAND_CODE else (REGION_CODE, REGION_NAME)
            writer.writerow([
                one.fingertips_id, names[one.code], *parent, code, name, kind, one.sex,
                "All ages", period, value, lower, upper, sortable,
            ])  # fmt: skip
    return out.getvalue()


def _local_upload(series: Series) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(LOCAL_COLUMNS)
    for code, name, _kind, period, value, lower, upper, _sortable in _rows(series):
        writer.writerow([code, name, period, series.sex, value, lower, upper])
    return out.getvalue()


def _record_fingertips_ids(indicators: dict[str, Indicator], series: list[Series]) -> None:
    """Name each indicator's Fingertips ID where its catalogue entry does not, so the
    download's rows find it (as an officer records it before loading a download)."""
    for one in series:
        indicator = indicators[one.code]
        if not indicator.effective_fingertips_id:
            indicator.fingertips_id = one.fingertips_id
            indicator.save(update_fields=["fingertips_id", "catalogue_entry", "name"])


def add_indicator_values(partnership: Partnership) -> int:
    """Load the series of every demo indicator still without values; the values added."""
    indicators = {
        i.code: i
        for i in Indicator.objects.filter(partnership=partnership, values__isnull=True)
        .select_related("catalogue_entry")
        .distinct()
    }
    wanted = [s for s in SERIES if s.code in indicators]
    national = [s for s in wanted if s.fingertips_id]
    added = 0
    if national:
        _record_fingertips_ids(indicators, national)
        names = {s.code: indicators[s.code].name for s in national}
        download = io.StringIO(_fingertips_download(national, names))
        added += load_fingertips_csv(partnership=partnership, source=download).rows
    for one in (s for s in wanted if not s.fingertips_id):
        source = io.StringIO(_local_upload(one))
        added += load_local_csv(indicator=indicators[one.code], source=source).rows
    return added
