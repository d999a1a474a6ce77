"""Load the catalogue as it stood when this migration was written, and link indicators to it.

The rows come from 0003_catalogue.csv beside this file, a frozen copy of data/catalogue.csv,
so that the migration replays the same data on every database whenever it runs. Later
changes to data/catalogue.csv reach a database through `wellboard indicators sync-catalogue`.
"""

import csv
from pathlib import Path

from django.db import migrations

from wellboard.core.indicator_codes import split_code

FROZEN_CSV = Path(__file__).with_name("0003_catalogue.csv")
FIELDS = ("framework", "code", "name", "polarity", "unit", "fingertips_id")


def frozen_rows():
    with FROZEN_CSV.open(newline="", encoding="utf-8") as handle:
        return [
            {name: row[name] for name in FIELDS} | {"verified": row["verified"] in {"yes", "corrected"}}
            for row in csv.DictReader(handle)
        ]


def load(apps, schema_editor):
    entry_model = apps.get_model("indicators", "CatalogueEntry")
    indicator_model = apps.get_model("indicators", "Indicator")
    entry_model.objects.bulk_create(entry_model(**row) for row in frozen_rows())
    entries = {(e.framework, e.code): e for e in entry_model.objects.all()}
    for indicator in indicator_model.objects.all():
        try:
            key = split_code(indicator.code)
        except ValueError:
            continue
        entry = entries.get(key)
        if entry is not None:
            indicator.catalogue_entry = entry
            indicator.name = indicator.name or entry.name
            indicator.save(update_fields=["catalogue_entry", "name"])


def unload(apps, schema_editor):
    apps.get_model("indicators", "CatalogueEntry").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0002_catalogue_and_values")]

    operations = [migrations.RunPython(load, unload)]
