"""Plan spreadsheet: export, edit as an officer would, read back as a preview of changes."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from wellboard.core.delivery import STATUS_WORDS
from wellboard.core.parsing import PlanImportError
from wellboard.core.spreadsheet_roundtrip import (
    HEADERS,
    STATUS_ONLY_TEXT,
    diff_sheet,
    document_rows,
    is_empty,
    looks_like_roundtrip,
    read_sheet,
    write_workbook,
)


def _action(ref: str, title: str, **extra: Any) -> dict[str, Any]:
    return {"ref": ref, "title": title, **extra}


@pytest.fixture
def document() -> dict[str, Any]:
    return {
        "format": "wellboard-plan",
        "version": 1,
        "title": "Tarnside strategy",
        "themes": [
            {
                "title": "Starting well",
                "priorities": [
                    {
                        "title": "Fewer children start school overweight",
                        "actions": [
                            _action(
                                "1.1.1",
                                "Run family cooking clubs in every hub",
                                leads=["TMBC"],
                                supporting=["Tarnside Food Bank", "TPCT"],
                                due_text="Mar-26",
                                outcome_measures="=20 clubs running",
                                boards=["Starting Well Board"],
                                indicator_codes=["PHOF 2.06i", "LOCAL club-attendance"],
                                percent_complete=30,
                                updates=[
                                    {"date": None, "text": "Imported note.", "rag": None},
                                    {
                                        "date": "2026-06-30",
                                        "text": "Six clubs open.",
                                        "rag": "green",
                                    },
                                ],
                            ),
                            _action("1.1.2", "Measure every reception child", leads=["TPCT"]),
                        ],
                    }
                ],
            },
            {
                "title": "Ageing well",
                "priorities": [
                    {
                        "title": "Carers are supported",
                        "actions": [_action("2.1.1", "Carers' assessments within 28 days")],
                    }
                ],
            },
        ],
    }


def _save(tmp_path: Path, document: dict[str, Any], name: str = "plan.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(write_workbook(document))
    return path


def _edit(
    path: Path, edits: dict[tuple[int, str], Any], append: list[list[Any]] | None = None
) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for (row, header), value in edits.items():
        sheet.cell(row=row, column=HEADERS.index(header) + 1).value = value
    for values in append or []:
        sheet.append(values)
    book.save(path)


def test_the_sheet_holds_one_row_per_action_with_its_latest_update(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    path = _save(tmp_path, document)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    assert len(rows) == 1 + 3
    first = dict(zip(HEADERS, rows[1], strict=True))
    assert first["Ref"] == "1.1.1"
    assert first["Leads"] == "TMBC"
    assert first["Supporting"] == "Tarnside Food Bank; TPCT"
    assert first["Latest update"] == "Six clubs open."
    assert first["Status"] == "On track (green)"
    assert first["Percent complete"] == 30
    # Text that looks like a formula is stored as text, never run by Excel.
    assert first["Outcome measures"] == "=20 clubs running"
    assert sheet.cell(row=2, column=HEADERS.index("Outcome measures") + 1).data_type == "s"


def test_an_unedited_sheet_changes_nothing(tmp_path: Path, document: dict[str, Any]) -> None:
    path = _save(tmp_path, document)
    assert looks_like_roundtrip(path)
    changes = diff_sheet(document, read_sheet(path))
    assert is_empty(changes), changes
    assert changes["warnings"] == []


def test_edits_become_field_changes_and_a_new_update(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    path = _save(tmp_path, document)
    _edit(
        path,
        {
            (2, "Due"): "Sept 2026",
            (2, "Leads"): "TMBC; TPCT",
            (2, "Latest update"): "Ten clubs open.",
            (2, "Status"): "At risk (amber)",
            (2, "Percent complete"): 55,
            (3, "Indicator codes"): "ASCOF 1A, 1.D",
        },
    )
    changes = diff_sheet(document, read_sheet(path))
    by_ref = {c["ref"]: c for c in changes["changed"]}
    first = by_ref["1.1.1"]
    assert first["fields"]["due_text"] == ["Mar-26", "Sept 2026"]
    assert first["fields"]["leads"] == [["TMBC"], ["TMBC", "TPCT"]]
    assert first["update"] == {"text": "Ten clubs open.", "rag": "amber", "percent_complete": 55}
    assert by_ref["1.1.2"]["fields"] == {"indicator_codes": [[], ["ASCOF 1A", "ASCOF 1D"]]}
    assert by_ref["1.1.2"]["update"] is None
    assert "2.1.1" not in by_ref


def test_a_status_change_alone_gets_a_note_saying_so(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    path = _save(tmp_path, document)
    _edit(path, {(4, "Status"): "red"})
    (change,) = diff_sheet(document, read_sheet(path))["changed"]
    assert change["update"] == {"text": STATUS_ONLY_TEXT, "rag": "red", "percent_complete": None}


def test_the_status_column_offers_the_words_of_every_page(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    sheet = openpyxl.load_workbook(_save(tmp_path, document)).worksheets[0]
    (choices,) = sheet.data_validations.dataValidation
    offered = choices.formula1.strip('"').split(",")
    assert offered == [
        STATUS_WORDS[k] for k in ("red", "amber", "green", "complete", "not_started")
    ]
    column = HEADERS.index("Status") + 1
    written = {sheet.cell(row=r, column=column).value for r in range(2, sheet.max_row + 1)}
    assert written - {None} <= set(offered)
    assert not {"Red", "Amber", "Green"} & written


def test_a_sheet_from_before_the_one_vocabulary_is_still_read(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    """Sheets sent out earlier say "RAG" over the column and "Green"/"Amber"/"Red" in it."""
    path = _save(tmp_path, document)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet.cell(row=1, column=HEADERS.index("Status") + 1).value = "RAG"
    sheet.cell(row=4, column=HEADERS.index("Status") + 1).value = "Amber"
    book.save(path)
    assert looks_like_roundtrip(path)
    (change,) = diff_sheet(document, read_sheet(path))["changed"]
    assert change["update"] == {"text": STATUS_ONLY_TEXT, "rag": "amber", "percent_complete": None}


def test_new_rows_and_missing_actions_are_listed_not_applied(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    path = _save(tmp_path, document)
    book = openpyxl.load_workbook(path)
    book.worksheets[0].delete_rows(3)  # 1.1.2 removed by the officer
    book.worksheets[0].append(["", "Ageing well", "", "Falls classes in libraries", "TMBC"])
    book.save(path)
    changes = diff_sheet(document, read_sheet(path))
    assert changes["missing"] == [{"ref": "1.1.2", "title": "Measure every reception child"}]
    (new,) = changes["new"]
    # A blank priority continues the priority of the row above.
    assert (new["theme"], new["priority"]) == ("Ageing well", "Carers are supported")
    assert new["action"]["title"] == "Falls classes in libraries"
    assert new["action"]["leads"] == ["TMBC"]
    assert changes["changed"] == []


def test_bad_cells_are_warned_and_ignored(tmp_path: Path, document: dict[str, Any]) -> None:
    path = _save(tmp_path, document)
    _edit(path, {(2, "Status"): "Purple", (2, "Percent complete"): "half", (3, "Action"): None})
    changes = diff_sheet(document, read_sheet(path))
    text = " | ".join(changes["warnings"])
    assert "'Purple'" in text and "'half'" in text and "row 3: title left blank" in text
    assert is_empty(changes)


def test_a_repeated_ref_is_used_once(tmp_path: Path, document: dict[str, Any]) -> None:
    path = _save(tmp_path, document)
    _edit(path, {}, append=[["2.1.1", "Ageing well", "Carers are supported", "Duplicate"]])
    changes = diff_sheet(document, read_sheet(path))
    assert any("ref 2.1.1 appears twice" in w for w in changes["warnings"])
    assert changes["changed"] == []


def test_export_is_deterministic_in_content(document: dict[str, Any]) -> None:
    before = copy.deepcopy(document)
    assert document_rows(document) == document_rows(before)
    write_workbook(document)
    assert document == before


def test_a_sheet_with_another_header_is_refused(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.worksheets[0].append(["Priority", "Action", "Lead"])
    path = tmp_path / "other.xlsx"
    book.save(path)
    assert not looks_like_roundtrip(path)
    with pytest.raises(PlanImportError, match="not a Wellboard plan sheet"):
        read_sheet(path)


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_text("Ref,Theme\n")
    assert not looks_like_roundtrip(path)
    with pytest.raises(PlanImportError, match=r"^plan\.xlsx: "):
        read_sheet(path)
