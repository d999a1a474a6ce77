"""Readers take a checked file, never a name: the check cannot be skipped (issue #12.6)."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from tests.core.parsing.fixtures.bombs import write_bomb
from wellboard.core.parsing import CheckedFile, PlanImportError, check_upload, parse_plan
from wellboard.core.parsing.first_row import candidate_headers
from wellboard.core.spreadsheet_roundtrip import looks_like_roundtrip


def test_a_checked_file_comes_only_from_the_check() -> None:
    with pytest.raises(TypeError, match="only from check_upload"):
        CheckedFile(b"Action,Lead\n", "plan.csv", "csv", None, object())  # type: ignore[arg-type]


def test_the_check_refuses_a_bomb_before_any_reader_sees_it(tmp_path: Path) -> None:
    path = write_bomb(tmp_path / "bomb.xlsx")
    with pytest.raises(PlanImportError, match="looks like a zip bomb"):
        check_upload(path, "plan.xlsx")
    with pytest.raises(PlanImportError, match="looks like a zip bomb"):
        parse_plan(path, filename="plan.xlsx")


def test_the_readers_share_one_opened_workbook(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Carried out by", "Thing to do"])
    sheet.append(["Council", "Open hubs"])
    path = tmp_path / "odd.xlsx"
    book.save(path)
    with check_upload(path) as checked:
        opened = checked.workbook()
        assert not looks_like_roundtrip(checked)
        with pytest.raises(PlanImportError, match="no recognisable plan table"):
            parse_plan(checked)
        assert candidate_headers(checked) == ["Carried out by", "Thing to do"]
        assert checked.workbook() is opened


def test_the_bytes_are_read_once_so_a_file_changed_after_the_check_is_not_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Priority,Action,Lead\nFalls,Run classes,Council\n", encoding="utf-8")
    checked = check_upload(path)
    path.write_bytes(b"")
    assert parse_plan(checked).plan["themes"]


def test_only_the_checked_file_and_its_readers_open_office_and_pdf_files() -> None:
    """A reader that opened an upload by name could skip the check: none may be added."""
    package = Path(__file__).resolve().parents[3] / "wellboard"
    opening = re.compile(r"load_workbook\(|docx\.Document\(|PdfDocument\(|pdfplumber\.open\(")
    openers = {
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if opening.search(path.read_text(encoding="utf-8"))
    }
    assert openers == {
        "core/parsing/checked.py",
        "core/parsing/docx_reader.py",
        "core/parsing/pdf_reader.py",
    }
