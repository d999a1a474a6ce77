"""Reading a board's plan document into the plan exchange format (pure Python).

``parse_plan`` reads .docx, .xlsx/.xlsm, .pdf (with a text layer), .csv and
text/Markdown (.txt, .md, .tsv) files: each reader turns its format into paragraphs and tables
(table_model), and plan_builder turns those into themes, priorities and
actions by the rules in its docstring. Untrusted files are checked first
(safety: size, type sniffed from the first bytes, zip-bomb caps), once, by
``check_upload``, whose CheckedFile is what every reader takes (checked.py). Whatever is
wrong with a file, the only exception that escapes is PlanImportError, whose
message ("FILE: reason") can be shown to the person who uploaded it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wellboard.core.parsing.checked import CheckedFile, check_upload
from wellboard.core.parsing.csv_reader import read_csv
from wellboard.core.parsing.docx_reader import read_docx
from wellboard.core.parsing.errors import PlanImportError
from wellboard.core.parsing.headers import FIELDS, normalise_column_map
from wellboard.core.parsing.pdf_reader import ScannedPdfError, read_pdf
from wellboard.core.parsing.plan_builder import NoPlanTableError, PlanBuilder
from wellboard.core.parsing.result import ParseResult
from wellboard.core.parsing.safety import DEFAULT_LIMITS, MAX_FILE_BYTES, Limits
from wellboard.core.parsing.table_model import SourceDocument
from wellboard.core.parsing.text_reader import read_text
from wellboard.core.parsing.xlsx_reader import read_xlsx

__all__ = [
    "FIELDS",
    "MAX_FILE_BYTES",
    "CheckedFile",
    "Limits",
    "ParseResult",
    "PlanImportError",
    "check_upload",
    "parse_plan",
]

NO_PLAN_TABLE = (
    "no recognisable plan table: expected a table whose header row names an action column "
    "(or priority and indicator columns), such as 'Priority | Action | Lead | By when'"
)

_READERS: dict[str, Callable[[CheckedFile], SourceDocument]] = {
    "docx": read_docx,
    "xlsx": read_xlsx,
    "csv": read_csv,
    "text": read_text,
    "pdf": read_pdf,
}
_FORMAT_NAMES = {
    "docx": "Word document",
    "xlsx": "Excel workbook",
    "csv": "CSV file",
    "text": "text file",
    "pdf": "PDF",
}
TOO_LARGE = "the file is too large to read"
SCANNED_PDF = (
    "this PDF has no text layer (it is a scanned image): export the plan to PDF again from "
    "Word, or upload the Word document, or run the PDF through text recognition (OCR) first"
)


def parse_plan(
    source: Path | CheckedFile,
    *,
    filename: str | None = None,
    column_map: dict[str, str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ParseResult:
    """Read the plan in ``source``: a checked upload, or a local file checked here first.

    ``filename`` (the uploaded name) gives a path's type and the messages; a checked file
    carries its own name and limits. ``column_map`` maps header texts the synonym table
    does not know to fields (``{"Who's doing it": "lead"}``; "ignore" drops a column).
    """
    shown = source.name if isinstance(source, CheckedFile) else filename or Path(source).name
    try:
        columns = normalise_column_map(column_map)
    except ValueError as exc:
        raise PlanImportError(shown, str(exc)) from exc
    if isinstance(source, CheckedFile):
        return _parse(source, columns)
    with check_upload(Path(source), shown, limits=limits) as checked:
        return _parse(checked, columns)


def _parse(checked: CheckedFile, columns: dict[str, str]) -> ParseResult:
    shown = checked.name
    document = _read(checked)
    try:
        built = PlanBuilder(columns, Path(shown).stem).build(document)
    except NoPlanTableError:
        raise PlanImportError(shown, NO_PLAN_TABLE) from None
    except RecursionError as exc:
        raise PlanImportError(shown, "the document is nested too deeply to read") from exc
    except MemoryError as exc:
        raise PlanImportError(shown, TOO_LARGE) from exc
    except Exception as exc:
        raise PlanImportError(
            shown, f"the plan could not be read ({type(exc).__name__}: {exc})"
        ) from exc
    return ParseResult(built.plan, built.warnings, built.unmapped_headers)


def _read(checked: CheckedFile) -> SourceDocument:
    """Run the format's reader; any failure inside a third-party parser is a damaged file."""
    shown, kind = checked.name, checked.kind
    try:
        return _READERS[kind](checked)
    except PlanImportError:
        raise
    except ScannedPdfError:
        raise PlanImportError(shown, SCANNED_PDF) from None
    except MemoryError as exc:
        raise PlanImportError(shown, TOO_LARGE) from exc
    except Exception as exc:
        raise PlanImportError(
            shown, f"the {_FORMAT_NAMES[kind]} is damaged or not readable ({type(exc).__name__})"
        ) from exc
