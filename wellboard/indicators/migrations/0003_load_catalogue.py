"""Copy data/catalogue.csv into CatalogueEntry and link existing indicators to it."""

from django.db import migrations

from wellboard.core.indicator_codes import split_code
from wellboard.indicators.catalogue import apply_catalogue, read_catalogue


def load(apps, schema_editor):
    entry_model = apps.get_model("indicators", "CatalogueEntry")
    indicator_model = apps.get_model("indicators", "Indicator")
    apply_catalogue(entry_model, read_catalogue())
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
