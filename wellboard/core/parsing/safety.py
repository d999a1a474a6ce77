"""Checks made before any parser touches an uploaded file.

Office files are zip archives, and python-docx/openpyxl read every part into
memory, so an archive that inflates to gigabytes (a "zip bomb") is refused from
its central directory alone, before anything is decompressed. The caps follow
the usual advice for untrusted archives (OWASP "File Upload Cheat Sheet"):
total uncompressed size, number of members and per-member compression ratio.
Legitimate plans are far below every cap: a 60-page plan is about 0.5 MB
uncompressed.

OLE2 compound files (magic D0 CF 11 E0) are what Word and Excel write both for
the old .doc/.xls formats and for password-protected .docx/.xlsx, so that case
gets its own message: the person can fix it by re-saving.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as SafeET

from wellboard.core.parsing.errors import PlanImportError

MAX_FILE_BYTES = 50 * 1024 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF"

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
EXCEL_MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"

SUPPORTED = {
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".csv": "csv",
    ".tsv": "text",
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".pdf": "pdf",
}


@dataclass(frozen=True)
class Limits:
    """Caps on untrusted input; raise them only for files from a trusted source."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_uncompressed_bytes: int = 200 * 1024 * 1024
    max_zip_members: int = 2_000
    max_member_ratio: float = 100.0
    ratio_check_min_bytes: int = 10 * 1024 * 1024
    max_rows: int = 100_000
    max_columns: int = 200


DEFAULT_LIMITS = Limits()


def file_kind(filename: str) -> str:
    """Map the file's extension to the reader that handles it."""
    suffix = Path(filename).suffix.lower()
    if suffix in SUPPORTED:
        return SUPPORTED[suffix]
    if suffix in (".doc", ".xls"):
        raise PlanImportError(
            filename, f"old {suffix} format is not supported: save it as {suffix}x and try again"
        )
    shown = suffix or "(none)"
    raise PlanImportError(
        filename, f"unsupported file type {shown}: use .docx, .xlsx, .pdf, .csv, .txt or .md"
    )


def read_checked_bytes(path: Path, filename: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, read once and only when its size is within the cap."""
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise PlanImportError(filename, _too_big(size, limits))
        return path.read_bytes()
    except OSError as exc:
        raise PlanImportError(filename, f"cannot be read ({exc.strerror or exc})") from exc


def check_bytes(data: bytes, filename: str, kind: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse empty, oversized or mislabelled files before parsing them."""
    head = data[:8]
    if not data:
        raise PlanImportError(filename, "the file is empty")
    if len(data) > limits.max_file_bytes:
        raise PlanImportError(filename, _too_big(len(data), limits))
    if head.startswith(OLE2_MAGIC):
        raise PlanImportError(
            filename,
            "this is a password-protected Office file or an old .doc/.xls file: "
            "remove the password or save it as .docx/.xlsx and try again",
        )
    if kind in ("docx", "xlsx"):
        if not head.startswith(ZIP_MAGIC):
            raise PlanImportError(filename, f"this is not {_office_name(kind)} (not a zip file)")
        check_office_zip(data, filename, kind, limits)
    elif kind == "pdf":
        if not head.startswith(PDF_MAGIC):
            raise PlanImportError(filename, "this is not a PDF file")
    elif head.startswith(ZIP_MAGIC):
        raise PlanImportError(filename, "this is a zip or Office file, not a text file")
    elif head.startswith(PDF_MAGIC):
        raise PlanImportError(filename, "this is a PDF, not a text file")


def _too_big(size: int, limits: Limits) -> str:
    return (
        f"the file is {size / 1048576:.1f} MB, over the "
        f"{limits.max_file_bytes / 1048576:.0f} MB limit"
    )


def check_office_zip(data: bytes, filename: str, kind: str, limits: Limits) -> None:
    """Check the archive's directory against the caps and its main part's type."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_bomb(infos, filename, limits)
            names = {info.filename for info in infos}
            if "[Content_Types].xml" not in names:
                raise PlanImportError(filename, f"this is not {_office_name(kind)}")
            content_types = archive.read("[Content_Types].xml")
    except PlanImportError:
        raise
    except Exception as exc:
        raise PlanImportError(
            filename, f"the file is damaged: not a readable zip ({type(exc).__name__})"
        ) from exc
    actual = _main_kind(content_types, names)
    if actual != kind:
        if actual:
            raise PlanImportError(
                filename, f"this is {_office_name(actual)}, not {_office_name(kind)}"
            )
        raise PlanImportError(filename, f"this is not {_office_name(kind)}")


def _check_bomb(infos: list[zipfile.ZipInfo], filename: str, limits: Limits) -> None:
    if len(infos) > limits.max_zip_members:
        raise PlanImportError(
            filename, f"the archive has {len(infos)} parts, over the {limits.max_zip_members} limit"
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        raise PlanImportError(
            filename,
            f"the archive would expand to {total / 1048576:.0f} MB, over the "
            f"{limits.max_uncompressed_bytes / 1048576:.0f} MB limit",
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_check_min_bytes and ratio > limits.max_member_ratio:
            raise PlanImportError(
                filename,
                f"part {info.filename!r} is compressed {ratio:.0f}:1, which looks like a zip bomb",
            )


def _main_kind(content_types: bytes, names: set[str]) -> str:
    """Which Office application wrote the archive, read from [Content_Types].xml."""
    try:
        root = SafeET.fromstring(content_types)
    except Exception:
        root = None
    types = set()
    if root is not None:
        types = {el.get("ContentType", "") for el in root.iter() if el.get("ContentType")}
    if WORD_MAIN in types or (not types and any(n.startswith("word/") for n in names)):
        return "docx"
    if types & {EXCEL_MAIN, EXCEL_MACRO_MAIN} or (
        not types and any(n.startswith("xl/") for n in names)
    ):
        return "xlsx"
    if any("presentationml" in t for t in types):
        return "pptx"
    return ""


def _office_name(kind: str) -> str:
    return {
        "docx": "a Word document (.docx)",
        "xlsx": "an Excel workbook (.xlsx)",
        "pptx": "a PowerPoint presentation (.pptx)",
    }.get(kind, "an Office document")
