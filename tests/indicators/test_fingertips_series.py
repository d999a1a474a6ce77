"""Fingertips splits: every series kept, persons by default, a choice of series on the
indicator page, every value labelled; fingertips-py against a recorded API response."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import fingertips_py.retrieve_data
import pytest
from django.test import Client

from tests.factories import MembershipFactory
from wellboard.accounts.models import Membership
from wellboard.indicators.loaders import load_fingertips_api, load_fingertips_csv
from wellboard.indicators.models import Indicator
from wellboard.indicators.series import available_series, headline_values
from wellboard.indicators.summary import indicator_summary
from wellboard.partnerships.models import Partnership

pytestmark = pytest.mark.django_db
HOME, ENGLAND = "E10000099", "E92000001"
COLUMNS = [
    "Indicator ID", "Indicator Name", "Parent Code", "Parent Name", "Area Code", "Area Name",
    "Area Type", "Sex", "Age", "Category Type", "Category", "Time period", "Value",
    "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Count", "Denominator",
    "Time period Sortable",
]  # fmt: skip
# (sex, category type, category, home value, England value), two periods each.
SERIES = [
    ("Persons", "", "", 61.0, 63.5),
    ("Male", "", "", 59.0, 62.0),
    ("Female", "", "", 63.0, 65.0),
    ("Persons", "County & UA deprivation deciles", "Most deprived decile", 52.0, 55.0),
]


def two_sex_csv(indicator_id: str = "90362", persons: bool = True) -> str:
    """A Fingertips download (or API response) holding several series of one indicator."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for sex, category_type, category, home, england in SERIES:
        if sex == "Persons" and not persons:
            continue
        for step, (period, sortable) in enumerate(
            (("2018 - 20", 20180000), ("2019 - 21", 20190000))
        ):
            for code, name, kind, value in (
                (HOME, "Elmbridge Vale", "Counties & UAs", home + step),
                (ENGLAND, "England", "England", england + step),
            ):
                writer.writerow([
                    indicator_id, "Healthy life expectancy at birth", "", "", code, name, kind,
                    sex, "All ages", category_type, category, period, value, value - 1,
                    value + 1, "", "", sortable,
                ])  # fmt: skip
    return out.getvalue()


@pytest.fixture
def partnership() -> Partnership:
    from tests.factories import PartnershipFactory

    return PartnershipFactory(name="Elmbridge Vale Health and Wellbeing Board", area="")


def _load(partnership: Partnership, text: str) -> Indicator:
    load_fingertips_csv(partnership=partnership, source=io.StringIO(text))
    return Indicator.objects.get(partnership=partnership)


def test_every_series_is_kept_and_persons_is_the_default(partnership: Partnership) -> None:
    indicator = _load(partnership, two_sex_csv())
    assert indicator.values.count() == len(SERIES) * 2 * 2
    labels = [key.label for key in available_series(indicator)]
    assert labels[0] == "Persons, All ages"
    assert set(labels) == {
        "Persons, All ages",
        "Male, All ages",
        "Female, All ages",
        "Persons, All ages, County & UA deprivation deciles: Most deprived decile",
    }
    assert {v.sex for v in headline_values(indicator)} == {"Persons"}
    summary = indicator_summary(indicator)
    assert (summary.value, summary.england) == (62.0, 64.5)  # persons, never one sex


def test_a_fingertips_id_takes_its_national_code_and_polarity(partnership: Partnership) -> None:
    indicator = _load(partnership, two_sex_csv("90362"))
    assert indicator.code == "PHOF 0.1i"
    assert indicator.effective_polarity == "higher_is_better"


def test_an_indicator_published_by_sex_only_shows_a_labelled_series(
    partnership: Partnership,
) -> None:
    indicator = _load(partnership, two_sex_csv(persons=False))
    first = available_series(indicator)[0]
    assert first.label == "Female, All ages"
    assert {v.sex for v in headline_values(indicator)} == {"Female"}


def test_the_indicator_page_offers_every_series_and_labels_each_value(
    client: Client, partnership: Partnership
) -> None:
    indicator = _load(partnership, two_sex_csv())
    client.force_login(
        MembershipFactory(partnership=partnership, role=Membership.Role.BOARD_MEMBER).user
    )
    page = client.get(f"/indicators/{indicator.pk}/").content.decode()
    assert "Showing: <strong>Persons, All ages</strong>" in page
    assert "62.0" in page and "Persons, All ages)" in page
    choices = available_series(indicator)
    female = next(n for n, key in enumerate(choices) if key.sex == "Female")
    assert f"?series={female}" in page and ">Female, All ages</a>" in page
    chosen = client.get(f"/indicators/{indicator.pk}/?series={female}").content.decode()
    assert "Showing: <strong>Female, All ages</strong>" in chosen
    assert "64.0" in chosen  # the female value of the latest period
    assert chosen.count("<td") and "Female, All ages" in chosen
    # A series number that does not exist falls back to the default.
    assert (
        "Showing: <strong>Persons"
        in client.get(f"/indicators/{indicator.pk}/?series=99").content.decode()
    )


@pytest.fixture
def recorded_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A local server answering fingertips-py's request with a recorded-shape response."""
    asked: list[str] = []
    body = two_sex_csv().encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/api/"
    monkeypatch.setattr(fingertips_py.retrieve_data, "base_url", base)
    yield asked
    server.shutdown()


def test_the_api_through_fingertips_py(partnership: Partnership, recorded_api: list[str]) -> None:
    result = load_fingertips_api(partnership=partnership, indicator_ids=[90362])
    assert recorded_api and "indicator_ids=90362" in recorded_api[0]
    assert result.rows == len(SERIES) * 2 * 2
    indicator = Indicator.objects.get(partnership=partnership)
    assert {key.sex for key in available_series(indicator)} == {"Persons", "Male", "Female"}
