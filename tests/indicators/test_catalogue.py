"""Catalogue in the database: codes in any spelling resolve; unknown codes are kept and flagged."""

from __future__ import annotations

import csv

import pytest

from tests.factories import IndicatorFactory, PartnershipFactory
from wellboard.indicators.catalogue import CATALOGUE_CSV, sync_catalogue
from wellboard.indicators.models import CatalogueEntry, Indicator

pytestmark = pytest.mark.django_db


def test_migration_loads_every_catalogue_row() -> None:
    # The migration's frozen copy: later edits of data/catalogue.csv come by sync-catalogue.
    frozen = CATALOGUE_CSV.parents[1] / "migrations" / "0003_catalogue.csv"
    with frozen.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert CatalogueEntry.objects.count() == len(rows)
    unverified = sum(row["verified"] == "unverified" for row in rows)
    assert CatalogueEntry.objects.filter(verified=False).count() == unverified


@pytest.mark.parametrize(
    ("written", "framework", "code"),
    [
        ("ASCOF 1I", "ASCOF", "1I"),
        ("ASCOF 1.D", "ASCOF", "1D"),
        ("PHOF 2.23", "PHOF", "2.23"),
        ("PHOF 2.2ii", "PHOF", "2.02ii"),
        ("NHSOF 2.1", "NHSOF", "2.1"),
        ("NHS OF 3b", "NHSOF", "3b"),
    ],
)
def test_codes_as_plans_write_them_resolve(written: str, framework: str, code: str) -> None:
    entry = CatalogueEntry.lookup(written)
    assert entry is not None
    assert (entry.framework, entry.code) == (framework, code)


def test_national_indicator_gets_its_name_and_link_from_the_catalogue() -> None:
    indicator = Indicator.objects.create(partnership=PartnershipFactory(), code="PHOF 2.2ii")
    entry = CatalogueEntry.objects.get(framework="PHOF", code="2.02ii")
    assert indicator.catalogue_entry == entry
    assert indicator.name == entry.name
    assert indicator.catalogue_status == Indicator.CatalogueStatus.CATALOGUED
    assert indicator.is_known and indicator.is_national


def test_a_name_the_board_gave_is_kept() -> None:
    indicator = IndicatorFactory(code="PHOF 2.14", name="Adults who smoke (our wording)")
    assert indicator.catalogue_entry is not None
    assert indicator.name == "Adults who smoke (our wording)"


@pytest.mark.parametrize("code", ["PHOF 9.99", "ASCOF 7Z", "NHSOF 9.9"])
def test_unknown_national_codes_are_kept_and_flagged(code: str) -> None:
    indicator = Indicator.objects.create(partnership=PartnershipFactory(), code=code)
    assert Indicator.objects.get(pk=indicator.pk).code == code
    assert indicator.catalogue_entry is None
    assert indicator.catalogue_status == Indicator.CatalogueStatus.UNKNOWN
    assert not indicator.is_known
    assert indicator.name == ""


def test_local_indicators_are_neither_catalogued_nor_flagged() -> None:
    indicator = IndicatorFactory(code="Smoking at time of delivery (local)", name="")
    assert indicator.catalogue_status == Indicator.CatalogueStatus.LOCAL
    assert indicator.is_known and not indicator.is_national


def test_effective_polarity_and_unit_fall_back_to_the_catalogue() -> None:
    indicator = IndicatorFactory(code="PHOF 4.04i", polarity="", unit="")
    assert indicator.effective_polarity == "lower_is_better"
    assert indicator.effective_unit == "per 100,000"
    indicator.polarity = "higher_is_better"
    assert indicator.effective_polarity == "higher_is_better"


def test_sync_relinks_indicators_when_the_csv_changes(tmp_path) -> None:
    indicator = IndicatorFactory(code="PHOF 9.99")
    assert indicator.catalogue_entry is None
    with CATALOGUE_CSV.open(encoding="utf-8") as handle:
        text = handle.read()
    changed = tmp_path / "catalogue.csv"
    changed.write_text(text + "PHOF,9.99,An indicator added later,,%,,a source,yes\n")
    result = sync_catalogue(path=changed)
    assert (result.created, result.removed, result.relinked) == (1, 0, 1)
    indicator.refresh_from_db()
    assert indicator.catalogue_entry is not None
    assert indicator.catalogue_entry.name == "An indicator added later"
    # Back to the shipped file: the entry goes and the indicator is unknown again.
    result = sync_catalogue()
    indicator.refresh_from_db()
    assert (result.removed, indicator.catalogue_entry) == (1, None)
