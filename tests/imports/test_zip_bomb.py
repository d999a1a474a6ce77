# ruff: noqa: E501 - the Office parts are kept whole so they read as the file holds them
"""A small .xlsx whose shared strings inflate far beyond its size (issue #12.6).

The archive check refused it, but the column-mapping helper then opened the same upload
with openpyxl unchecked, inflating every string. Every reader now goes through the check.
"""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest

from tests.imports.test_views import _client, _upload
from wellboard.imports.headers import candidate_headers
from wellboard.imports.models import ImportRun

INFLATED_BYTES = 60 * 1024 * 1024  # 60 MB of text in a file of well under 1 MB

PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    ),
    "xl/worksheets/sheet1.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c></row>'
        "</sheetData></worksheet>"
    ),
}


def write_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/sharedStrings.xml", "w") as part:
            part.write(
                b'<?xml version="1.0" encoding="UTF-8"?>'
                b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b"<si><t>Carried out by</t></si><si><t>Due</t></si><si><t>"
            )
            chunk = b"A" * (1024 * 1024)
            for _ in range(INFLATED_BYTES // len(chunk)):
                part.write(chunk)
            part.write(b"</t></si></sst>")
    return path


def test_the_bomb_is_small_on_disk(tmp_path: Path) -> None:
    assert write_bomb(tmp_path / "bomb.xlsx").stat().st_size < 1024 * 1024


def test_the_header_reader_refuses_it_without_inflating_it(tmp_path: Path) -> None:
    bomb = write_bomb(tmp_path / "bomb.xlsx")
    tracemalloc.start()
    try:
        headers = candidate_headers(bomb, "plan.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert headers == []
    assert peak < 20 * 1024 * 1024, f"{peak / 1048576:.0f} MB used reading a refused file"


@pytest.mark.django_db
def test_the_upload_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    client = _client()
    data = write_bomb(tmp_path / "bomb.xlsx").read_bytes()
    response = _upload(client, "plan.xlsx", data)
    assert response.status_code == 400
    assert "looks like a zip bomb" in response.content.decode()
    assert not ImportRun.objects.exclude(source=None).exists()
