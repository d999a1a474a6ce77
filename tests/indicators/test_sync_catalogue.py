"""The catalogue's data migration replays its frozen copy; `indicators sync-catalogue` applies
later changes to data/catalogue.csv, in one transaction, refusing a file that is no catalogue."""

from __future__ import annotations

import csv
import importlib
import io
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from tests.factories import IndicatorFactory
from wellboard.indicators.catalogue import CATALOGUE_CSV
from wellboard.indicators.models import CatalogueEntry, Indicator

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("wellboard.indicators.migrations.0003_load_catalogue")
ADDED_ROW = "PHOF,9.99,An indicator added later,,%,,a source,yes\n"


def _table() -> set[tuple[str, str, str, bool]]:
    return set(CatalogueEntry.objects.values_list("framework", "code", "name", "verified"))


def _frozen() -> set[tuple[str, str, str, bool]]:
    with MIGRATION.FROZEN_CSV.open(newline="", encoding="utf-8") as handle:
        return {
            (row["framework"], row["code"], row["name"], row["verified"] != "unverified")
            for row in csv.DictReader(handle)
        }


def _sync(*args: str) -> str:
    out = io.StringIO()
    call_command("indicators", "sync-catalogue", *args, stdout=out)
    return out.getvalue()


def _changed_catalogue(tmp_path: Path, extra: str = ADDED_ROW) -> Path:
    path = tmp_path / "catalogue.csv"
    path.write_text(CATALOGUE_CSV.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def test_the_migration_loaded_its_frozen_copy() -> None:
    assert _table() == _frozen()


def test_the_migration_replays_the_frozen_copy_not_the_current_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were data/catalogue.csv edited, a database migrated afresh still gets the old rows."""
    monkeypatch.setattr(
        "wellboard.indicators.catalogue.CATALOGUE_CSV", _changed_catalogue(tmp_path)
    )
    CatalogueEntry.objects.all().delete()
    MIGRATION.load(apps, None)
    assert _table() == _frozen()
    assert not CatalogueEntry.objects.filter(code="9.99").exists()


def test_sync_applies_a_changed_catalogue_and_relinks_indicators(tmp_path: Path) -> None:
    indicator = IndicatorFactory(code="PHOF 9.99")
    assert indicator.catalogue_entry is None
    out = _sync("--file", str(_changed_catalogue(tmp_path)))
    assert out.strip() == "Catalogue: 1 added, 0 changed, 0 removed; 1 indicator re-linked"
    indicator = Indicator.objects.get(pk=indicator.pk)
    assert indicator.catalogue_entry is not None
    assert indicator.catalogue_entry.name == "An indicator added later"


def test_sync_with_the_shipped_file_changes_nothing_today() -> None:
    before = _table()
    assert _sync().strip() == "Catalogue: 0 added, 0 changed, 0 removed; 0 indicators re-linked"
    assert _table() == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("framework,code,name\nPHOF,1.01,A name\n", "row 1: missing columns polarity, unit"),
        (None, "row 3: PHOF 0.1i is listed twice"),
        ("\udcff", "not a UTF-8 CSV file"),
    ],
)
def test_a_file_that_is_no_catalogue_is_refused_in_one_line_with_status_2(
    tmp_path: Path, text: str | None, message: str
) -> None:
    path = tmp_path / "catalogue.csv"
    if text is None:
        header = "framework,code,name,polarity,unit,fingertips_id,source,verified\n"
        row = "PHOF,0.1i,Healthy life expectancy at birth,higher_is_better,years,90362,s,yes\n"
        path.write_text(header + row + row, encoding="utf-8")
    else:
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
    before = _table()
    with pytest.raises(CommandError) as error:
        _sync("--file", str(path))
    assert error.value.returncode == 2
    assert message in str(error.value) and "\n" not in str(error.value)
    assert _table() == before


def test_a_missing_file_is_refused_with_status_2(tmp_path: Path) -> None:
    with pytest.raises(CommandError) as error:
        _sync("--file", str(tmp_path / "nowhere.csv"))
    assert error.value.returncode == 2 and "cannot read" in str(error.value)
