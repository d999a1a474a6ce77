"""Fingertips data: the download CSV (and the API, which returns the same columns).

The columns are those of the OHID Fingertips "Export table as CSV file" download and of
its API's ``all_data/csv`` endpoints: "Indicator ID", "Indicator Name", "Parent Code",
"Parent Name", "Area Code", "Area Name", "Area Type", "Sex", "Age", "Category Type",
"Category", "Time period", "Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit",
"Lower CI 99.8 limit", "Upper CI 99.8 limit", "Count", "Denominator", "Value note",
"Recent Trend", "Compared to England value or percentiles", "Time period Sortable", ...
Only the first few are required; the others fill what they can.

Each Fingertips indicator ID is matched to the partnership's indicator with that ID (its own
or its catalogue entry's); an ID the partnership does not track yet is added, named from the
catalogue when the catalogue knows the ID and from the file otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, TextIO

from django.db import transaction

from wellboard.indicators.loaders import cells
from wellboard.indicators.loaders.cells import Record
from wellboard.indicators.loaders.errors import LoadError, LoadResult
from wellboard.indicators.loaders.store import save_values
from wellboard.indicators.models import (
    ENGLAND_CODE,
    CatalogueEntry,
    Indicator,
    IndicatorValue,
    ReportingArea,
)
from wellboard.partnerships.models import Partnership

REQUIRED = ("Indicator ID", "Area Code", "Time period", "Value")


def load_fingertips_csv(
    *,
    partnership: Partnership,
    source: str | os.PathLike[str] | TextIO,
    area_code: str | None = None,
) -> LoadResult:
    """Load a Fingertips download; ``area_code`` names the partnership's own area when its
    name (``partnership.area``) does not identify a row of the file."""
    records = cells.read_csv_source(source, REQUIRED)
    return load_fingertips_records(partnership=partnership, records=records, area_code=area_code)


def load_fingertips_records(
    *,
    partnership: Partnership,
    records: Iterable[Record],
    area_code: str | None = None,
) -> LoadResult:
    """Validate every record, then write them all in one transaction."""
    rows = [_parse(record) for record in records]
    if not rows:
        raise LoadError("the data has a header but no rows")
    with transaction.atomic():
        indicators, created = _indicators_for(partnership, rows)
        values = [
            IndicatorValue(
                indicator=indicators[row["_id"]],
                **{key: value for key, value in row.items() if not key.startswith("_")},
            )
            for row in rows
        ]
        count = save_values(values)
        area = _reporting_area(partnership, rows, area_code)
    return LoadResult(
        rows=count,
        indicators=sorted({i.code for i in indicators.values()}),
        created_indicators=created,
        reporting_area=area,
    )


def _parse(record: Record) -> dict[str, Any]:
    indicator_id = cells.required_text(record, "Indicator ID")
    if indicator_id.endswith(".0"):  # pandas reads integer columns with gaps as floats
        indicator_id = indicator_id[:-2]
    if not indicator_id.isdigit():
        raise LoadError(f"row {record[0]}: Indicator ID {indicator_id!r} is not a number")
    limits = {
        name: cells.number(record, column, negative=True)
        for name, column in (
            ("lower_ci95", "Lower CI 95.0 limit"),
            ("upper_ci95", "Upper CI 95.0 limit"),
            ("lower_ci998", "Lower CI 99.8 limit"),
            ("upper_ci998", "Upper CI 99.8 limit"),
        )
    }
    cells.check_limits(record, limits["lower_ci95"], limits["upper_ci95"], "95%")
    cells.check_limits(record, limits["lower_ci998"], limits["upper_ci998"], "99.8%")
    row: dict[str, Any] = {
        "_id": indicator_id,
        "_name": cells.text(record, "Indicator Name"),
        "area_code": cells.required_text(record, "Area Code"),
        "area_name": cells.text(record, "Area Name"),
        "area_type": cells.text(record, "Area Type"),
        "parent_code": cells.text(record, "Parent Code"),
        "_parent_name": cells.text(record, "Parent Name"),
        "period_label": cells.required_text(record, "Time period"),
        "sex": cells.text(record, "Sex"),
        "age": cells.text(record, "Age"),
        "category_type": cells.text(record, "Category Type"),
        "category": cells.text(record, "Category"),
        # Slope indices and gaps can be negative, so values and limits may be too.
        "value": cells.number(record, "Value", negative=True),
        **limits,
        "numerator": cells.number(record, "Count"),
        "denominator": cells.number(record, "Denominator"),
        "value_note": cells.text(record, "Value note")[:300],
        "trend": cells.text(record, "Recent Trend")[:100],
        "compared_to_england": cells.text(record, "Compared to England value or percentiles")[:100],
        "period_sort": _sortable(record),
        "source": IndicatorValue.Source.FINGERTIPS,
    }
    cells.check_lengths(record, row, IndicatorValue)
    return row


def _sortable(record: Record) -> int:
    sortable = cells.number(record, "Time period Sortable")
    return int(sortable) if sortable is not None else 0


def _indicators_for(
    partnership: Partnership, rows: list[dict[str, Any]]
) -> tuple[dict[str, Indicator], list[str]]:
    names = {row["_id"]: row["_name"] for row in rows}
    existing = {
        i.effective_fingertips_id: i
        for i in partnership.indicators.select_related("catalogue_entry")
        if i.effective_fingertips_id
    }
    catalogue = {
        e.fingertips_id: e for e in CatalogueEntry.objects.filter(fingertips_id__in=list(names))
    }
    found: dict[str, Indicator] = {}
    created: list[str] = []
    for fingertips_id, name in names.items():
        indicator = existing.get(fingertips_id)
        if indicator is None:
            indicator = _new_indicator(partnership, fingertips_id, name, catalogue)
            created.append(indicator.code)
        found[fingertips_id] = indicator
    return found, created


def _new_indicator(
    partnership: Partnership, fingertips_id: str, name: str, catalogue: dict[str, CatalogueEntry]
) -> Indicator:
    entry = catalogue.get(fingertips_id)
    if entry is not None:
        code, name = entry.full_code, ""
    else:
        code = f"Fingertips {fingertips_id}"
    indicator, _ = Indicator.objects.get_or_create(
        partnership=partnership,
        code=code,
        defaults={"name": name[:400], "fingertips_id": "" if entry else fingertips_id},
    )
    return indicator


def _reporting_area(
    partnership: Partnership, rows: list[dict[str, Any]], area_code: str | None
) -> str:
    """Set the partnership's reporting area from --area, else from its name in the file;
    an area already set is kept unless --area says otherwise."""
    current = ReportingArea.objects.filter(partnership=partnership).first()
    if area_code is None and current is not None:
        return current.area_code
    match = (
        next((row for row in rows if row["area_code"] == area_code), None)
        if area_code
        else _named_area(partnership, rows)
    )
    if match is None:
        if area_code:
            raise LoadError(f"area {area_code} does not appear in the data")
        return ""
    if match["area_code"] == ENGLAND_CODE:
        raise LoadError("the reporting area cannot be England itself")
    ReportingArea.objects.update_or_create(
        partnership=partnership,
        defaults={
            "area_code": match["area_code"],
            "area_name": match["area_name"],
            "region_code": match["parent_code"],
            "region_name": match["_parent_name"],
        },
    )
    return match["area_code"]


def _named_area(partnership: Partnership, rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The local area whose name begins the partnership's area or name ("Elmbridge Vale" for
    "Elmbridge Vale Health and Wellbeing Board"); the longest such name wins."""
    names = [n.strip().lower() for n in (partnership.area, partnership.name) if n.strip()]
    candidates = [
        row
        for row in rows
        if row["area_name"]
        and row["area_code"] != ENGLAND_CODE
        and row["area_type"].lower() not in {"england", "region"}
        and any(
            n == row["area_name"].lower() or n.startswith(row["area_name"].lower() + " ")
            for n in names
        )
    ]
    return max(candidates, key=lambda row: len(row["area_name"]), default=None)
