"""An uploaded file that passed the safety checks, and the only way readers get at one.

Readers used to be handed a file name, so each had to remember to run the checks first,
and one that did not (the column-mapping helper) inflated a zip bomb the check had
refused (issue #12.6). Now ``check_upload`` reads the bytes once, checks them once and
returns a ``CheckedFile``; every reader takes that object, never a path, so no reader can
skip the check, and a file cannot change between the check and the read. A spreadsheet is
opened once and shared by the readers that try it in turn (round-trip sheet, plan, first
row for the column mapping), so its shared strings are inflated at most once.
"""

from __future__ import annotations

import io
from pathlib import Path
from types import TracebackType
from typing import Any

import openpyxl

from wellboard.core.parsing.safety import (
    DEFAULT_LIMITS,
    Limits,
    check_bytes,
    file_kind,
    read_checked_bytes,
)

_ISSUED = object()  # only check_upload holds it, so only it makes a CheckedFile


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, the two encodings Office writes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


class CheckedFile:
    """A checked upload held in memory: its bytes, shown name, kind and reading limits."""

    def __init__(self, data: bytes, name: str, kind: str, limits: Limits, issued: object) -> None:
        if issued is not _ISSUED:
            raise TypeError("a CheckedFile comes only from check_upload()")
        self.data = data
        self.name = name
        self.kind = kind
        self.limits = limits
        self._text: str | None = None
        self._workbook: Any = None

    def text(self) -> str:
        """The file decoded as text (CSV and text plans, Decidim exports)."""
        if self._text is None:
            self._text = decode_text(self.data)
        return self._text

    def stream(self) -> io.BytesIO:
        """A fresh file-like view of the bytes, for libraries that want one."""
        return io.BytesIO(self.data)

    def workbook(self) -> Any:
        """The workbook, opened once (read-only, calculated values) and shared."""
        if self._workbook is None:
            self._workbook = openpyxl.load_workbook(self.stream(), read_only=True, data_only=True)
        return self._workbook

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None

    def __enter__(self) -> CheckedFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def check_upload(
    source: Path | bytes,
    filename: str | None = None,
    *,
    kind: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> CheckedFile:
    """Read and check a file once; raises PlanImportError with a one-line reason.

    ``kind`` defaults to what the name's extension says; a caller that only accepts one
    kind (a plan sheet is always an Excel workbook) names it.
    """
    if isinstance(source, bytes):
        shown = filename or "upload"
        wanted = kind or file_kind(shown)
        data = source
    else:
        shown = filename or Path(source).name
        wanted = kind or file_kind(shown)
        data = read_checked_bytes(Path(source), shown, limits)
    check_bytes(data, shown, wanted, limits)
    return CheckedFile(data, shown, wanted, limits, _ISSUED)


def as_checked(
    source: Path | CheckedFile,
    filename: str | None = None,
    *,
    kind: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> CheckedFile:
    """A checked file as it is, or a path checked now (for callers holding a local file)."""
    if isinstance(source, CheckedFile):
        return source
    return check_upload(source, filename, kind=kind, limits=limits)
