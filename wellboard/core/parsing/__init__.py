"""Reading a board's plan document into the plan exchange format (pure Python).

``parse_plan`` reads .docx, .xlsx/.xlsm, .pdf (with a text layer), .csv and
text/Markdown (.txt, .md, .tsv) files: each reader turns its format into paragraphs and tables
(table_model), and plan_builder turns those into themes, priorities and
actions by the rules in its docstring. Untrusted files are checked first
(safety): size, type sniffed from the first bytes, zip-bomb caps. Whatever is
wrong with a file, the only exception that escapes is PlanImportError, whose
message ("FILE: reason") can be shown to the person who uploaded it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wellboard.core.parsing.csv_reader import read_csv
from wellboard.core.parsing.docx_reader import read_docx
from wellboard.core.parsing.errors import PlanImportError
from wellboard.core.parsing.headers import FIELDS, normalise_column_map
from wellboard.core.parsing.pdf_reader import ScannedPdfError, read_pdf
from wellboard.core.parsing.plan_builder import NoPlanTableError, PlanBuilder
from wellboard.core.parsing.result import ParseResult
from wellboard.core.parsing.safety import (
    DEFAULT_LIMITS,
    MAX_FILE_BYTES,
    Limits,
    check_file,
    file_kind,
)
from wellboard.core.parsing.table_model import SourceDocument
from wellboard.core.parsing.text_reader import read_text
from wellboard.core.parsing.xlsx_reader import read_xlsx

__all__ = [
    "FIELDS",
    "MAX_FILE_BYTES",
    "Limits",
    "ParseResult",
    "PlanImportError",
    "parse_plan",
]

NO_PLAN_TABLE = (
    "no recognisable plan table: expected a table whose header row names an action column "
    "(or priority and indicator columns), such as 'Priority | Action | Lead | By when'"
)

_READERS: dict[str, Callable[[Path, Limits], SourceDocument]] = {
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
SCANNED_PDF = (
    "this PDF has no text layer (it is a scanned image): export the plan to PDF again from "
    "Word, or upload the Word document, or run the PDF through text recognition (OCR) first"
)


def parse_plan(
    path: Path,
    *,
    filename: str | None = None,
    column_map: dict[str, str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ParseResult:
    """Read the plan in ``path``; ``filename`` (the uploaded name) gives the type and messages.

    ``column_map`` maps header texts the synonym table does not know to fields
    (``{"Who's doing it": "lead"}``; "ignore" drops a column).
    """
    path = Path(path)
    shown = filename or path.name
    try:
        columns = normalise_column_map(column_map)
    except ValueError as exc:
        raise PlanImportError(shown, str(exc)) from exc
    kind = file_kind(shown)
    check_file(path, shown, kind, limits)
    document = _read(path, shown, kind, limits)
    try:
        built = PlanBuilder(columns, Path(shown).stem).build(document)
    except NoPlanTableError:
        raise PlanImportError(shown, NO_PLAN_TABLE) from None
    except RecursionError as exc:
        raise PlanImportError(shown, "the document is nested too deeply to read") from exc
    except Exception as exc:
        raise PlanImportError(
            shown, f"the plan could not be read ({type(exc).__name__}: {exc})"
        ) from exc
    return ParseResult(built.plan, built.warnings, built.unmapped_headers)


def _read(path: Path, shown: str, kind: str, limits: Limits) -> SourceDocument:
    """Run the format's reader; any failure inside a third-party parser is a damaged file."""
    try:
        return _READERS[kind](path, limits)
    except PlanImportError:
        raise
    except ScannedPdfError:
        raise PlanImportError(shown, SCANNED_PDF) from None
    except MemoryError as exc:
        raise PlanImportError(shown, "the file is too large to read") from exc
    except Exception as exc:
        raise PlanImportError(
            shown, f"the {_FORMAT_NAMES[kind]} is damaged or not readable ({type(exc).__name__})"
        ) from exc
