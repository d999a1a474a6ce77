"""The national indicator catalogue: read data/catalogue.csv and keep the database in step.

The CSV is the checked source (see data/SOURCES.md); the ``CatalogueEntry`` table is a copy
so that codes resolve with one indexed query. A data migration loaded the catalogue as it
stood then, from its own frozen copy (migrations/0003_catalogue.csv), so that it replays the
same rows on every database; ``sync_catalogue`` (``wellboard indicators sync-catalogue``)
applies the CSV after it changes and re-links partnership indicators to the new entries.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from wellboard.indicators.loaders.errors import LoadError

CATALOGUE_CSV = Path(__file__).resolve().parent / "data" / "catalogue.csv"
ENTRY_FIELDS = ("framework", "code", "name", "polarity", "unit", "fingertips_id", "verified")


@dataclass(frozen=True)
class SyncResult:
    created: int
    updated: int
    removed: int
    relinked: int

    def summary(self) -> str:
        return (
            f"Catalogue: {self.created} added, {self.updated} changed, {self.removed} removed; "
            f"{self.relinked} indicator{'s' * (self.relinked != 1)} re-linked"
        )


def read_catalogue(path: Path = CATALOGUE_CSV) -> list[dict[str, Any]]:
    """Rows as CatalogueEntry field values; "corrected" names count as verified. A file
    that is not a catalogue is refused with a one-line LoadError before anything is written."""
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            missing = [name for name in ENTRY_FIELDS if name not in (reader.fieldnames or [])]
            if missing:
                plural = "s" if len(missing) > 1 else ""
                raise LoadError(f"row 1: missing column{plural} {', '.join(missing)}")
            rows = [_entry(line, row) for line, row in enumerate(reader, start=2)]
    except OSError as exc:
        raise LoadError(f"cannot read {path}: {exc.strerror}") from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise LoadError(f"not a UTF-8 CSV file ({exc})") from None
    _refuse_repeats(rows)
    return rows


def _entry(line: int, row: dict[str, str | None]) -> dict[str, Any]:
    if not (row["framework"] or "").strip() or not (row["code"] or "").strip():
        raise LoadError(f"row {line}: framework and code are required")
    values: dict[str, Any] = {name: row[name] or "" for name in ENTRY_FIELDS}
    values["verified"] = values["verified"] in {"yes", "corrected"}
    return values


def _refuse_repeats(rows: list[dict[str, Any]]) -> None:
    seen: set[tuple[str, str]] = set()
    for line, row in enumerate(rows, start=2):
        key = (row["framework"], row["code"])
        if key in seen:
            raise LoadError(f"row {line}: {key[0]} {key[1]} is listed twice")
        seen.add(key)


def apply_catalogue(model: Any, rows: list[dict[str, Any]]) -> tuple[int, int, int]:
    """Make the table hold exactly ``rows``; ``model`` may be a historical model, which is
    why the data migration can share this function."""
    existing = {(e.framework, e.code): e for e in model.objects.all()}
    created = updated = 0
    for row in rows:
        entry = existing.pop((row["framework"], row["code"]), None)
        if entry is None:
            model.objects.create(**row)
            created += 1
        elif any(getattr(entry, name) != row[name] for name in ENTRY_FIELDS):
            for name in ENTRY_FIELDS:
                setattr(entry, name, row[name])
            entry.save()
            updated += 1
    removed = len(existing)
    model.objects.filter(pk__in=[e.pk for e in existing.values()]).delete()
    return created, updated, removed


def sync_catalogue(*, path: Path = CATALOGUE_CSV) -> SyncResult:
    """Load the CSV into the table and re-resolve every indicator's code, in one transaction."""
    from wellboard.indicators.models import CatalogueEntry, Indicator

    rows = read_catalogue(path)
    with transaction.atomic():
        created, updated, removed = apply_catalogue(CatalogueEntry, rows)
        relinked = 0
        for indicator in Indicator.objects.select_related("catalogue_entry"):
            before = indicator.catalogue_entry_id
            indicator.save()
            relinked += int(indicator.catalogue_entry_id != before)
    return SyncResult(created, updated, removed, relinked)
