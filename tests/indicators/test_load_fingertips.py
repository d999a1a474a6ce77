"""Loading a Fingertips download CSV, and the API through recorded responses."""

from __future__ import annotations

import io
import json

import pytest

from tests.factories import IndicatorFactory
from tests.indicators.conftest import DOWNLOAD, ENGLAND, FIXTURES, HOME, REGION
from wellboard.indicators.loaders import LoadError, load_fingertips_api, load_fingertips_csv
from wellboard.indicators.models import Indicator, IndicatorValue, ReportingArea
from wellboard.partnerships.models import Partnership

pytestmark = pytest.mark.django_db

HEADER = DOWNLOAD.read_text(encoding="utf-8").splitlines()[0]
GOOD_ROW = DOWNLOAD.read_text(encoding="utf-8").splitlines()[1]


def test_download_loads_every_row_with_its_columns(partnership: Partnership) -> None:
    result = load_fingertips_csv(partnership=partnership, source=DOWNLOAD)
    assert result.rows == 23
    assert IndicatorValue.objects.count() == 23
    value = IndicatorValue.objects.get(
        area_code=HOME, period_label="2021/22", category_type="", indicator__code="PHOF 2.05ii"
    )
    assert (value.numerator, value.denominator) == (8800, 9400)
    assert value.value == pytest.approx(100 * 8800 / 9400, abs=1e-5)
    assert value.lower_ci95 < value.value < value.upper_ci95
    assert value.lower_ci998 < value.lower_ci95
    assert value.compared_to_england == "Better"
    assert value.trend == "Increasing and getting better"
    assert (value.area_type, value.parent_code, value.sex) == (
        "County & UA (4/23)",
        REGION,
        "Persons",
    )
    assert value.period_start.isoformat() == "2021-04-01"
    assert value.period_end.isoformat() == "2022-03-31"
    assert value.source == IndicatorValue.Source.FINGERTIPS


def test_fingertips_ids_resolve_through_the_catalogue_or_create_a_flagged_local(
    partnership: Partnership,
) -> None:
    result = load_fingertips_csv(partnership=partnership, source=DOWNLOAD)
    assert result.created_indicators == ["PHOF 2.05ii", "Fingertips 93999"]
    catalogued = Indicator.objects.get(partnership=partnership, code="PHOF 2.05ii")
    assert catalogued.catalogue_entry is not None and catalogued.name.startswith("Proportion")
    other = Indicator.objects.get(partnership=partnership, code="Fingertips 93999")
    assert other.fingertips_id == "93999"
    assert other.name == "Adults walking for travel at least three days a week"


def test_an_indicator_the_partnership_already_tracks_receives_the_values(
    partnership: Partnership,
) -> None:
    tracked = IndicatorFactory(partnership=partnership, code="PHOF 2.5ii", target=95.0)
    result = load_fingertips_csv(partnership=partnership, source=DOWNLOAD)
    assert "PHOF 2.05ii" not in result.created_indicators
    assert tracked.values.count() == 21


def test_reporting_area_is_found_by_the_partnership_name(partnership: Partnership) -> None:
    result = load_fingertips_csv(partnership=partnership, source=DOWNLOAD)
    area = ReportingArea.objects.get(partnership=partnership)
    assert result.reporting_area == HOME
    assert (area.area_code, area.area_name, area.region_code, area.region_name) == (
        HOME, "Elmbridge Vale", REGION, "South East region",
    )  # fmt: skip


def test_area_option_overrides_the_reporting_area(partnership: Partnership) -> None:
    load_fingertips_csv(partnership=partnership, source=DOWNLOAD, area_code="E10000098")
    assert ReportingArea.objects.get(partnership=partnership).area_name == "Northmoor"


def test_the_area_option_must_name_a_local_area_in_the_data(partnership: Partnership) -> None:
    for code, message in [("E00000000", "does not appear"), (ENGLAND, "cannot be England")]:
        with pytest.raises(LoadError, match=message):
            load_fingertips_csv(partnership=partnership, source=DOWNLOAD, area_code=code)
    assert IndicatorValue.objects.count() == 0


def test_loading_twice_updates_rather_than_duplicates(partnership: Partnership) -> None:
    load_fingertips_csv(partnership=partnership, source=DOWNLOAD)
    changed = DOWNLOAD.read_text(encoding="utf-8").replace(
        "Increasing and getting better", "No significant change"
    )
    load_fingertips_csv(partnership=partnership, source=io.StringIO(changed))
    assert IndicatorValue.objects.count() == 23
    assert IndicatorValue.objects.filter(trend="Increasing and getting better").count() == 0


def _bad(row_edit: dict[int, str]) -> str:
    cells = GOOD_ROW.split(",")
    for index, text in row_edit.items():
        cells[index] = text
    return f"{HEADER}\n{GOOD_ROW}\n{','.join(cells)}\n"


# Column positions in the download: 0 Indicator ID, 4 Area Code, 11 Time period, 12 Value,
# 13/14 95% limits, 17 Count, 18 Denominator.
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "row 1: the file is empty"),
        ("Indicator ID,Area Code,Value\n1,E1,2\n", "row 1: missing column Time period"),
        (_bad({12: "n/a"}), "row 3: Value 'n/a' is not a number"),
        (_bad({17: "-4"}), "row 3: Count must not be negative"),
        (_bad({13: "95", 14: "90"}), "row 3: the lower 95% limit 95 is above the upper 90"),
        (_bad({4: ""}), "row 3: Area Code is empty"),
        (_bad({11: ""}), "row 3: Time period is empty"),
        (_bad({0: "ASQ"}), "row 3: Indicator ID 'ASQ' is not a number"),
        (_bad({18: "1e999"}), "row 3: Denominator .* is not a finite number"),
        (f"{HEADER}\n", "no rows"),
        (f'{HEADER}\n"unclosed,\n', "row"),
    ],
)
def test_bad_input_names_the_row_and_changes_nothing(
    partnership: Partnership, text: str, message: str
) -> None:
    before = Indicator.objects.count()
    with pytest.raises(LoadError, match=message) as error:
        load_fingertips_csv(partnership=partnership, source=io.StringIO(text))
    assert "\n" not in str(error.value)
    assert IndicatorValue.objects.count() == 0
    assert Indicator.objects.count() == before
    assert not ReportingArea.objects.exists()


def test_a_missing_file_is_a_load_error(partnership: Partnership, tmp_path) -> None:
    with pytest.raises(LoadError, match="cannot read"):
        load_fingertips_csv(partnership=partnership, source=tmp_path / "absent.csv")


def _recorded(ids, area_type):
    """The API's answer for indicator 90366, as fingertips-py returns it (a DataFrame's
    records: numbers as floats, gaps as None/NaN)."""
    assert list(ids) == [90366] and area_type == 502
    records = json.loads((FIXTURES / "fingertips_api_90366.json").read_text(encoding="utf-8"))
    records[0]["Value note"] = float("nan")
    return records


def test_api_records_load_like_a_download(partnership: Partnership) -> None:
    result = load_fingertips_api(partnership=partnership, indicator_ids=[90366], fetch=_recorded)
    assert result.rows == 4
    assert result.created_indicators == ["PHOF 0.1ii"]
    latest = IndicatorValue.objects.get(area_code=HOME, period_label="2018 - 20")
    assert (latest.value, latest.numerator, latest.denominator) == (83.87, 5388.0, None)
    assert latest.trend == "No significant change"
    assert latest.period_start.isoformat() == "2018-01-01"
    assert latest.period_sort == 20180000
    assert ReportingArea.objects.get(partnership=partnership).area_code == HOME


def test_api_record_with_a_bad_value_names_its_row(partnership: Partnership) -> None:
    def broken(ids, area_type):
        records = _recorded(ids, area_type)
        records[2]["Value"] = "eighty"
        return records

    with pytest.raises(LoadError, match="row 4: Value 'eighty' is not a number"):
        load_fingertips_api(partnership=partnership, indicator_ids=[90366], fetch=broken)
    assert IndicatorValue.objects.count() == 0


def test_api_with_no_data_is_an_error(partnership: Partnership) -> None:
    with pytest.raises(LoadError, match="no data"):
        load_fingertips_api(partnership=partnership, indicator_ids=[1], fetch=lambda i, a: [])
