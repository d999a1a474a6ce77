"""Every kind of bad file gives one PlanImportError with a one-line "FILE: reason"."""

import io
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from tests.core.parsing.fixtures.docx_builders import build_delivery_docx
from tests.core.parsing.fixtures.table_builders import build_xlsx
from wellboard.core.parsing import MAX_FILE_BYTES, Limits, PlanImportError, parse_plan
from wellboard.core.parsing.safety import OLE2_MAGIC


def expect_error(path: Path, pattern: str, **kwargs: object) -> PlanImportError:
    with pytest.raises(PlanImportError, match=pattern) as caught:
        parse_plan(path, **kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message
    shown = kwargs.get("filename") or path.name
    assert message.startswith(f"{shown}: ")
    return caught.value


@pytest.mark.parametrize("name", ["plan.docx", "plan.xlsx", "plan.csv", "plan.txt"])
def test_an_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    expect_error(path, "the file is empty")


def test_a_missing_file(tmp_path: Path) -> None:
    expect_error(tmp_path / "gone.docx", "cannot be read")


@pytest.mark.parametrize(
    ("name", "pattern"),
    [
        ("plan.pages", r"unsupported file type \.pages: use \.docx, \.xlsx, \.pdf"),
        ("plan.pdf", r"this is not a PDF file"),
        ("plan", r"unsupported file type \(none\)"),
        ("plan.doc", r"old \.doc format is not supported: save it as \.docx"),
        ("plan.xls", r"old \.xls format"),
    ],
)
def test_unsupported_extensions(tmp_path: Path, name: str, pattern: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"Action\tLead\nA\tB\n")
    expect_error(path, pattern)


def test_text_with_a_docx_extension(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_text("Action\tLead\n", encoding="utf-8")
    expect_error(path, r"this is not a Word document \(\.docx\) \(not a zip file\)")


def test_a_workbook_named_as_a_word_document(tmp_path: Path) -> None:
    workbook = build_xlsx(tmp_path)
    renamed = workbook.rename(tmp_path / "plan.docx")
    expect_error(renamed, r"this is an Excel workbook \(\.xlsx\), not a Word document")


def test_a_word_document_named_as_a_workbook(tmp_path: Path) -> None:
    document = build_delivery_docx(tmp_path)
    renamed = document.rename(tmp_path / "plan.xlsx")
    expect_error(renamed, r"this is a Word document \(\.docx\), not an Excel workbook")


def test_a_plain_zip_named_as_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    expect_error(path, r"this is not a Word document")


@pytest.mark.parametrize("name", ["plan.docx", "plan.xlsx"])
def test_ole2_files_are_encrypted_or_old_office_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(OLE2_MAGIC + bytes(504))
    expect_error(path, "password-protected Office file or an old .doc/.xls file")


@pytest.mark.parametrize("name", ["plan.csv", "plan.txt"])
def test_office_files_named_as_text(tmp_path: Path, name: str) -> None:
    document = build_delivery_docx(tmp_path)
    path = tmp_path / name
    path.write_bytes(document.read_bytes())
    expect_error(path, "this is a zip or Office file, not a text file")


def test_a_truncated_docx_is_damaged(tmp_path: Path) -> None:
    document = build_delivery_docx(tmp_path)
    data = document.read_bytes()
    document.write_bytes(data[: len(data) // 2])
    expect_error(document, "damaged")


def test_a_docx_with_broken_xml_is_damaged(tmp_path: Path) -> None:
    source = build_delivery_docx(tmp_path)
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 3]
            copy.writestr(info, data)
    expect_error(path, r"the Word document is damaged or not readable \(\w+\)")


def _zip_with_member(path: Path, size: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * size)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    _zip_with_member(path, 11 * 1024 * 1024)
    assert path.stat().st_size < 100_000
    expect_error(path, r"part 'word/document.xml' is compressed \d+:1, which looks like a zip bomb")


def test_total_uncompressed_size_is_capped(tmp_path: Path) -> None:
    document = build_delivery_docx(tmp_path)
    expect_error(document, "would expand to", limits=Limits(max_uncompressed_bytes=10_000))


def test_number_of_zip_members_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(30):
            archive.writestr(f"word/part{number}.xml", "<x/>")
    expect_error(
        path, "the archive has 30 parts, over the 20 limit", limits=Limits(max_zip_members=20)
    )


def test_file_size_is_capped_at_50_mb_by_default(tmp_path: Path) -> None:
    assert MAX_FILE_BYTES == 50 * 1024 * 1024
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.write(b"Action,Lead\n")
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no 50 MB written
    expect_error(path, r"the file is 50\.0 MB, over the 50 MB limit")


def test_the_size_cap_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Action,Lead\nDo it,Us\n", encoding="utf-8")
    expect_error(path, "over the 0 MB limit", limits=Limits(max_file_bytes=10))


def test_a_text_file_with_no_plan_table(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text("Minutes of the meeting\n\nThe board noted the report.\n", encoding="utf-8")
    expect_error(path, "no recognisable plan table")


def test_a_table_with_no_recognisable_header(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("Name,Phone\nPlan officer,01234 567890\n", encoding="utf-8")
    expect_error(path, "no recognisable plan table")


def test_an_unknown_field_in_the_column_map(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Action,Lead\nDo it,Us\n", encoding="utf-8")
    expect_error(path, "column_map: unknown field 'owner'", column_map={"Who": "owner"})


def test_the_uploaded_name_gives_the_type_and_the_message(tmp_path: Path) -> None:
    upload = tmp_path / "tmp8f3k2"
    upload.write_bytes(b"")
    expect_error(upload, "the file is empty", filename="Our plan.docx")


def test_a_pdf_named_as_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(b"%PDF-1.4\n" + io.BytesIO(b"x" * 50).read())
    expect_error(path, "this is a PDF, not a text file")


LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 9)
    )
    + "]>"
)


def _rewrite_member(
    source: Path, target: Path, member: str, change: Callable[[bytes], bytes]
) -> None:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            copy.writestr(info.filename, change(data) if info.filename == member else data)


def _with_entities(xml: bytes, anchor: bytes) -> bytes:
    """Declare nested entities (a "billion laughs") and use the outermost one."""
    if xml.startswith(b"<?xml"):
        end = xml.index(b"?>") + 2
        declared = xml[:end] + LAUGHS.encode() + xml[end:]
    else:
        declared = LAUGHS.encode() + xml
    assert anchor in declared
    return declared.replace(anchor, b"&lol8;" + anchor, 1)


def test_entity_expansion_in_a_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "laughs.docx"
    member = "word/document.xml"
    change = partial(_with_entities, anchor=b"Recruit and train")
    _rewrite_member(build_delivery_docx(tmp_path), path, member, change)
    expect_error(path, r"the Word document is damaged or not readable")


def test_entity_expansion_in_an_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "laughs.xlsx"
    change = partial(_with_entities, anchor=b"<sheetData>")
    _rewrite_member(build_xlsx(tmp_path), path, "xl/worksheets/sheet1.xml", change)
    expect_error(path, r"the Excel workbook is damaged or not readable")


def test_absurdly_deep_xml_in_a_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.docx"
    nest = b"<w:sdt><w:sdtContent>" * 3000 + b"</w:sdtContent></w:sdt>" * 3000
    _rewrite_member(
        build_delivery_docx(tmp_path),
        path,
        "word/document.xml",
        lambda xml: xml.replace(b"<w:body>", b"<w:body>" + nest, 1),
    )
    expect_error(path, r"the Word document is damaged or not readable")
