"""Open data: the columns of the published files, their data dictionary, the licences a
partnership can choose, and the CSV and JSON writers.

Pure Python so that the page's data dictionary, the CSV header and the JSON keys are one
list and cannot disagree. CSV cells go through spreadsheet_cells.csv_cell, so that a
title beginning with "=" is never run as a formula by whoever opens the file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wellboard.core.spreadsheet_cells import csv_cell


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # integer, number, text, date (ISO 8601), url
    meaning: str


@dataclass(frozen=True)
class Licence:
    key: str
    name: str
    url: str


LICENCES: dict[str, Licence] = {
    licence.key: licence
    for licence in (
        Licence(
            "OGL-UK-3.0",
            "Open Government Licence v3.0",
            "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        ),
        Licence(
            "CC-BY-4.0",
            "Creative Commons Attribution 4.0",
            "https://creativecommons.org/licenses/by/4.0/",
        ),
        Licence(
            "CC0-1.0",
            "Creative Commons Zero 1.0 (public domain)",
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ),
    )
}
DEFAULT_LICENCE = "OGL-UK-3.0"

ACTION_COLUMNS: tuple[Column, ...] = (
    Column("strategy_id", "integer", "The strategy's number in Wellboard (stable)."),
    Column("strategy", "text", "The strategy's title."),
    Column("action_id", "integer", "The action's number in Wellboard (stable)."),
    Column("ref", "text", "The action's reference in the plan, e.g. 1.2.3."),
    Column("title", "text", "What the action is."),
    Column("theme", "text", "The theme (priority area) the action sits under."),
    Column("priority", "text", "The priority (objective) the action delivers."),
    Column("lead_organisations", "text", "Organisations leading the action, separated by ;"),
    Column(
        "lead_officer",
        "text",
        "The lead officer's name, only where the partnership publishes names; otherwise empty.",
    ),
    Column("due", "text", "When the action is due, in the plan's own words."),
    Column("due_end", "date", "The last day the action is due by (YYYY-MM-DD), if known."),
    Column(
        "status",
        "text",
        "Delivery status: Complete, On track (green), At risk (amber), "
        "Off track (red), Not started or Overdue.",
    ),
    Column("percent_complete", "integer", "How much of the action is done, 0 to 100."),
    Column(
        "latest_update_date",
        "date",
        "The date of the latest approved progress update (YYYY-MM-DD); empty if none.",
    ),
)

INDICATOR_COLUMNS: tuple[Column, ...] = (
    Column("strategy_id", "integer", "The strategy's number in Wellboard (stable)."),
    Column("indicator_id", "integer", "The indicator's number in Wellboard (stable)."),
    Column("code", "text", "The indicator's code in its framework, e.g. PHOF C16."),
    Column("indicator", "text", "The indicator's name."),
    Column("unit", "text", "What the value counts, e.g. per 100,000 or %."),
    Column("area_code", "text", "ONS code of the area the value is for."),
    Column("area_name", "text", "The area's name."),
    Column("period", "text", "The period the value is for, e.g. 2022/23."),
    Column("sex", "text", "Persons, Male or Female, where the source splits by sex."),
    Column("age", "text", "The age band, where given."),
    Column("category", "text", "A further breakdown, e.g. a deprivation decile, where given."),
    Column("value", "number", "The value."),
    Column("lower_ci95", "number", "Lower 95% confidence limit, where given."),
    Column("upper_ci95", "number", "Upper 95% confidence limit, where given."),
    Column("source", "text", "Where the value came from (Fingertips or local data)."),
)


def csv_text(columns: Sequence[Column], rows: Iterable[Mapping[str, Any]]) -> str:
    """A CSV file: a header of column names, then a row per record, formula-safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        writer.writerow([csv_cell(_plain(row.get(c.name))) for c in columns])
    return out.getvalue()


def json_text(
    about: Mapping[str, Any], columns: Sequence[Column], rows: Iterable[Mapping[str, Any]]
) -> str:
    """A JSON document: what the data is and its licence, the dictionary, and the rows."""
    document = {
        **about,
        "columns": [{"name": c.name, "type": c.type, "meaning": c.meaning} for c in columns],
        "rows": [{c.name: row.get(c.name) for c in columns} for row in rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, default=str)


def _plain(value: Any) -> Any:
    return "" if value is None else value
