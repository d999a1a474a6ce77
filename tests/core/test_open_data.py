"""The open data files' columns, dictionary and writers (wellboard.core.open_data)."""

from __future__ import annotations

import csv
import io
import json

from wellboard.core.open_data import (
    ACTION_COLUMNS,
    DEFAULT_LICENCE,
    INDICATOR_COLUMNS,
    LICENCES,
    csv_text,
    json_text,
)


def test_every_column_says_its_type_and_meaning_once() -> None:
    for columns in (ACTION_COLUMNS, INDICATOR_COLUMNS):
        names = [c.name for c in columns]
        assert len(names) == len(set(names))
        assert {c.type for c in columns} <= {"integer", "number", "text", "date"}
        assert all(c.meaning.strip() for c in columns)


def test_csv_neutralises_formulas_and_keeps_other_text() -> None:
    rows = [
        {"action_id": 1, "title": '=HYPERLINK("http://x")', "ref": "-1", "theme": "@SUM(A1)"},
        {"action_id": 2, "title": "Walk to school, every day", "due_end": None},
    ]
    read = list(csv.DictReader(io.StringIO(csv_text(ACTION_COLUMNS, rows))))
    assert list(read[0]) == [c.name for c in ACTION_COLUMNS]
    assert read[0]["title"] == '\'=HYPERLINK("http://x")'
    assert (read[0]["ref"], read[0]["theme"]) == ("'-1", "'@SUM(A1)")
    assert read[1]["title"] == "Walk to school, every day"
    assert read[1]["due_end"] == "" and read[1]["status"] == ""


def test_json_carries_what_the_data_is_its_dictionary_and_rows() -> None:
    text = json_text(
        {"licence": {"name": "Open Government Licence v3.0"}},
        INDICATOR_COLUMNS,
        [{"indicator_id": 4, "value": 12.5, "lower_ci95": None}],
    )
    document = json.loads(text)
    assert document["licence"]["name"] == "Open Government Licence v3.0"
    assert [c["name"] for c in document["columns"]] == [c.name for c in INDICATOR_COLUMNS]
    [row] = document["rows"]
    assert (row["indicator_id"], row["value"], row["lower_ci95"]) == (4, 12.5, None)
    assert set(row) == {c.name for c in INDICATOR_COLUMNS}


def test_the_default_licence_is_the_open_government_licence() -> None:
    assert LICENCES[DEFAULT_LICENCE].name == "Open Government Licence v3.0"
    assert LICENCES[DEFAULT_LICENCE].url.startswith("https://www.nationalarchives.gov.uk/")
