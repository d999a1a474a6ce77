"""Where the consultation summary report comes from. Reports sit above consultations in the
layers (ARCHITECTURE.md), so the reports app hands its writer over in ready() and the
command and the results page ask for it here (docs/adr/0005)."""

from __future__ import annotations

from collections.abc import Callable

from wellboard.consultations.models import Consultation

# (consultation, "docx" | "pdf") -> (file content, file name)
SummaryWriter = Callable[[Consultation, str], tuple[bytes, str]]
FORMATS = ("docx", "pdf")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
_writer: list[SummaryWriter] = []


def write_summaries_with(writer: SummaryWriter) -> None:
    _writer[:] = [writer]


def summary_file(consultation: Consultation, format_name: str) -> tuple[bytes, str]:
    """ValueError for a format other than Word or PDF."""
    if format_name not in FORMATS:
        raise ValueError(f"unknown format {format_name!r}: use docx or pdf")
    if not _writer:
        raise RuntimeError("no summary writer: the reports app is not installed")
    return _writer[0](consultation, format_name)
