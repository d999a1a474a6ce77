"""Reading the columns a statistic needs from a CSV file, in bulk, with row numbers.

The rules are those of Python's csv module (strict), as the statistics command always read
files: the first non-blank record is the header (names stripped, lower-cased; a repeated
name means its last column), records whose cells are all blank are skipped, short records
have empty cells, cells are stripped, and a record's row number is the file line it starts
on. Two readers follow them:

- the bulk reader, for files without quote characters (what most tools write for numbers):
  NumPy finds every line end and comma in the file at once, and each wanted column is a
  list of byte offsets into the file, never a Python object per cell;
- the csv module itself, record by record, for anything else (quoted cells, ragged rows,
  lone carriage returns, blank-looking lines with non-ASCII spaces). It is the reference;
  tests check that both give the same table.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from wellboard.core.stats.csv_numbers import PADDING, Cells
from wellboard.core.stats.errors import StatsInputError

# Bytes that str.strip() removes (the ASCII ones) and the comma: a line of only these is blank.
_BLANK = np.zeros(256, dtype=bool)
_BLANK[[9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 44]] = True
_ASCII_CONTENT = ~_BLANK & (np.arange(256) < 128)
_SCAN = 1 << 20  # bytes looked at in one step


@dataclass(frozen=True)
class Table:
    header: list[str]
    header_row: int
    rows: NDArray[np.int64]  # each record's row number (file line), header being row 1 or more
    columns: dict[str, Cells]  # the wanted columns present in the header

    def __len__(self) -> int:
        return int(self.rows.size)


def read_table(data: bytes, wanted: tuple[str, ...]) -> Table:
    """The wanted columns of a CSV file given as bytes (UTF-8, with or without a BOM)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise StatsInputError("the file is not UTF-8 text") from None
    return _read_plain(data, wanted) or _read_with_csv_module(data, wanted)


def _read_plain(data: bytes, wanted: tuple[str, ...]) -> Table | None:
    """The bulk reader; None where the file needs the csv module."""
    if b'"' in data or b"\x00" in data:
        return None
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n")
        if b"\r" in data:
            return None
    if not data.endswith(b"\n"):
        data += b"\n"
    buffer = np.frombuffer(data + bytes(PADDING), dtype=np.uint8)
    text = buffer[: len(data)]
    # Line ends and commas in one pass, in file order: a line's commas are those between
    # its end and the one before (no binary search of a million line ends).
    separators, below_dash = _separators(text)
    is_end = text[separators] == 10
    ends = separators[is_end]
    commas = separators[~is_end]
    del separators
    commas_by_end = np.flatnonzero(is_end) - np.arange(ends.size)  # commas before each end
    del is_end
    commas_by_start = np.concatenate(([0], commas_by_end[:-1]))
    starts = np.concatenate(([0], ends[:-1] + 1))
    if below_dash == ends.size + commas.size:
        # Every byte below "-" is a line end or a comma, so a line has content exactly
        # when it holds more bytes than commas.
        content = ends - starts > commas_by_end - commas_by_start
    else:
        content = np.logical_or.reduceat(~_BLANK[text], starts)
    if not data.isascii():
        ascii_content = np.logical_or.reduceat(_ASCII_CONTENT[text], starts)
        if np.any(content & ~ascii_content):
            return None  # a line of non-ASCII spaces may be blank to str.strip()
    lines = np.flatnonzero(content)
    if lines.size == 0:
        raise StatsInputError("row 1: the file is empty (no header row)")
    header_line = int(lines[0])
    header = _header(data[starts[header_line] : ends[header_line]].decode("utf-8").split(","))
    records = lines[1:]
    first_comma = commas_by_start[records]
    if np.any(commas_by_end[records] - first_comma != len(header) - 1):
        return None  # ragged records: the csv module pads and cuts them
    columns = {}
    for name in wanted:
        if name not in header:
            continue
        index = len(header) - 1 - header[::-1].index(name)  # a repeated name: its last column
        cell_starts = starts[records] if index == 0 else commas[first_comma + index - 1] + 1
        last = index == len(header) - 1
        cell_ends = ends[records] if last else commas[first_comma + index]
        columns[name] = Cells(buffer, cell_starts.astype(np.int64), cell_ends.astype(np.int64))
    return Table(header, header_line + 1, records.astype(np.int64) + 1, columns)


def _separators(text: NDArray[np.uint8]) -> tuple[NDArray[np.intp], int]:
    """The positions of line ends and commas, in file order, and how many bytes are below
    "-": a megabyte at a time, so that no mask of the whole file is ever made (three of
    them were most of the reader's peak memory)."""
    found = [np.zeros(0, dtype=np.intp)]
    below_dash = 0
    for start in range(0, text.size, _SCAN):
        part = text[start : start + _SCAN]
        found.append(np.flatnonzero((part == 10) | (part == 44)) + start)
        below_dash += int(np.count_nonzero(part < 45))
    return np.concatenate(found), below_dash


def _header(cells: list[str]) -> list[str]:
    return [cell.strip().lower().lstrip("\ufeff") for cell in cells]


def _read_with_csv_module(data: bytes, wanted: tuple[str, ...]) -> Table:
    """The reference reader: csv.reader record by record, keeping only wanted cells."""
    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""), strict=True)
    records = _numbered(reader)
    try:
        first = next(records, None)
        if first is None:
            raise StatsInputError("row 1: the file is empty (no header row)")
        header_row, cells = first
        header = _header(cells)
        positions = {name: i for i, name in enumerate(header)}  # a repeated name: its last
        present = [name for name in wanted if name in positions]
        texts: dict[str, list[str]] = {name: [] for name in present}
        rows: list[int] = []
        for row, cells in records:
            rows.append(row)
            for name in present:
                i = positions[name]
                texts[name].append(cells[i].strip() if i < len(cells) else "")
    except csv.Error as exc:
        raise StatsInputError(f"row {reader.line_num}: not valid CSV ({exc})") from None
    columns = {name: _joined(values) for name, values in texts.items()}
    return Table(header, header_row, np.array(rows, dtype=np.int64), columns)


def _numbered(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """Non-blank records with the file line each starts on."""
    start = 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            yield start, cells
        start = reader.line_num + 1  # type: ignore[attr-defined]


def _joined(values: list[str]) -> Cells:
    """Cells as slices of one buffer: the UTF-8 texts one after another."""
    encoded = [value.encode("utf-8") for value in values]
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    ends = np.cumsum(lengths)
    buffer = np.frombuffer(b"".join(encoded) + bytes(PADDING), dtype=np.uint8)
    return Cells(buffer, ends - lengths, ends)
