"""Reading cells from CSV files and API records into typed values, naming the row on error.

API records (pandas rows turned into dicts) carry floats, ints and NaN where a CSV carries
text, so every reader accepts both.
"""

from __future__ import annotations

import csv
import math
import os
from collections.abc import Iterator, Mapping
from typing import Any, TextIO

from wellboard.core.csv_cells import CellError, checked_number, number_cell
from wellboard.indicators.loaders.errors import LoadError

Record = tuple[int, Mapping[str, Any]]


def read_csv_source(
    source: str | os.PathLike[str] | TextIO, required: tuple[str, ...]
) -> list[Record]:
    """``read_csv`` of a file named by its path, or of an open text stream (an upload)."""
    if not isinstance(source, str | os.PathLike):
        return read_csv(source, required)
    try:
        with open(source, encoding="utf-8-sig", newline="") as stream:
            return read_csv(stream, required)
    except OSError as exc:
        raise LoadError(f"cannot read {os.fspath(source)}: {exc.strerror}") from None


def read_csv(stream: TextIO, required: tuple[str, ...]) -> list[Record]:
    """Non-blank records numbered by the file line they start on; header names are matched
    case-insensitively and kept in the caller's spelling."""
    reader = csv.reader(stream)
    try:
        records = list(_numbered(reader))
    except csv.Error as exc:
        raise LoadError(f"row {reader.line_num}: not valid CSV ({exc})") from None
    except UnicodeDecodeError:
        raise LoadError("the file is not UTF-8 text") from None
    if not records:
        raise LoadError("row 1: the file is empty (no header row)")
    header = [cell.strip().lstrip("\ufeff").lower() for cell in records[0][1]]
    missing = [name for name in required if name.lower() not in header]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise LoadError(f"row 1: missing column{plural} {', '.join(missing)}")
    return [
        (
            number,
            {name: cells[i].strip() if i < len(cells) else "" for i, name in enumerate(header)},
        )
        for number, cells in records[1:]
    ]


def _numbered(reader: Any) -> Iterator[tuple[int, list[str]]]:
    start = 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            yield start, cells
        start = reader.line_num + 1


def text(record: Record, column: str) -> str:
    value = record[1].get(column.lower(), "")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def required_text(record: Record, column: str) -> str:
    value = text(record, column)
    if not value:
        raise LoadError(f"row {record[0]}: {column} is empty")
    return value


def number(record: Record, column: str, *, negative: bool = False) -> float | None:
    """A float, or None for an empty cell; refuses words, infinities and (unless allowed)
    negative numbers, which no count, population or published rate can be. Text cells go
    through the core's rule for CSV number cells (thousands separators allowed here)."""
    raw = record[1].get(column.lower(), "")
    try:
        if isinstance(raw, bool):
            raise CellError(f"row {record[0]}: {column} {raw!r} is not a number")
        if isinstance(raw, int | float):
            if isinstance(raw, float) and math.isnan(raw):
                return None
            return checked_number(float(raw), str(raw), column, record[0], negative=negative)
        text = "" if raw is None else str(raw)
        return number_cell(text, column, record[0], negative=negative, thousands=True)
    except CellError as exc:
        raise LoadError(str(exc)) from None


def check_limits(record: Record, lower: float | None, upper: float | None, label: str) -> None:
    if lower is not None and upper is not None and lower > upper:
        raise LoadError(
            f"row {record[0]}: the lower {label} limit {lower:g} is above the upper {upper:g}"
        )


def check_lengths(record: Record, row: Mapping[str, Any], model: Any) -> None:
    """Refuse, naming the row, a text longer than its column (PostgreSQL would fail the
    whole load with a server error; SQLite would keep it whole)."""
    for name, value in row.items():
        if not isinstance(value, str) or name.startswith("_"):
            continue
        limit = getattr(model._meta.get_field(name), "max_length", None)
        if limit is not None and len(value) > limit:
            raise LoadError(f"row {record[0]}: {name} is longer than {limit} characters")
