"""The national indicator catalogue: read data/catalogue.csv and keep the database in step.

The CSV is the checked source (see data/SOURCES.md); the ``CatalogueEntry`` table is a copy
made by a data migration so that codes resolve with one indexed query. ``sync_catalogue``
re-applies the CSV after it changes and re-links partnership indicators to the new entries.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

CATALOGUE_CSV = Path(__file__).resolve().parent / "data" / "catalogue.csv"
ENTRY_FIELDS = ("framework", "code", "name", "polarity", "unit", "fingertips_id", "verified")


@dataclass(frozen=True)
class SyncResult:
    created: int
    updated: int
    removed: int
    relinked: int


def read_catalogue(path: Path = CATALOGUE_CSV) -> list[dict[str, Any]]:
    """Rows as CatalogueEntry field values; "corrected" names count as verified."""
    with path.open(newline="", encoding="utf-8") as handle:
        return [
            {
                "framework": row["framework"],
                "code": row["code"],
                "name": row["name"],
                "polarity": row["polarity"],
                "unit": row["unit"],
                "fingertips_id": row["fingertips_id"],
                "verified": row["verified"] in {"yes", "corrected"},
            }
            for row in csv.DictReader(handle)
        ]


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
