"""Formula injection: text the app writes to a spreadsheet or CSV is never run (issue #12.8).

Each written file is opened with its own reader (openpyxl, the csv module).
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from wellboard.core.decidim import read_results_csv
from wellboard.core.decidim_writing import write_results_csv
from wellboard.core.spreadsheet_cells import FORMULA_STARTS, csv_cell, csv_cell_read
from wellboard.core.spreadsheet_roundtrip import diff_sheet, is_empty, read_sheet, write_workbook

DANGEROUS = [
    '=HYPERLINK("http://evil.example","Click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", DANGEROUS)
def test_csv_cells_starting_like_a_formula_are_quoted_and_read_back(text: str) -> None:
    assert text[:1] in FORMULA_STARTS
    written = csv_cell(text)
    assert written == "'" + text
    assert csv_cell_read(written) == text


@pytest.mark.parametrize("value", ["Plain title", "", 3, None, "'quoted already", "a=b"])
def test_other_cells_are_left_alone(value: Any) -> None:
    assert csv_cell(value) == value


def _plan(titles: list[str]) -> dict[str, Any]:
    actions = [{"ref": f"1.1.{i}", "title": t, "updates": []} for i, t in enumerate(titles, 1)]
    return {
        "format": "wellboard-plan",
        "version": 1,
        "title": "Plan",
        "themes": [
            {"ref": "1", "title": "Theme", "priorities": [{"title": "=1+1", "actions": actions}]}
        ],
    }


def test_decidim_csv_export_quotes_formulas_and_reimports_the_same_titles(tmp_path: Path) -> None:
    text = write_results_csv(_plan(DANGEROUS))
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    for row in rows:
        assert row["title/en"][:1] not in FORMULA_STARTS, row["title/en"]
    path = tmp_path / "results.csv"
    path.write_text(text, encoding="utf-8", newline="")
    again = read_results_csv(path).plan
    priority = again["themes"][0]["priorities"][0]
    assert priority["title"] == "=1+1"
    assert [a["title"] for a in priority["actions"]] == [t.strip() for t in DANGEROUS]


def test_plan_sheet_stores_formula_like_text_as_quoted_text(tmp_path: Path) -> None:
    data = write_workbook(_plan(DANGEROUS))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml  # no formula anywhere
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    risky = [c for c in cells if c.value[:1] in FORMULA_STARTS]
    assert len(risky) >= len(DANGEROUS)
    for cell in risky:
        assert cell.data_type == "s"
        assert cell.quotePrefix, cell.value
    path = tmp_path / "plan.xlsx"
    path.write_bytes(data)
    stripped = _plan([t.strip() for t in DANGEROUS])  # the reader trims cells, as ever
    path.write_bytes(write_workbook(stripped))
    assert is_empty(diff_sheet(stripped, read_sheet(path)))
