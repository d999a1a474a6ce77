"""A column of CSV number cells read in bulk: the rule of wellboard.core.csv_cells, applied
to a million cells at once.

Cells are slices of a byte buffer (``starts``/``ends``). Cells of plain digits with at most
one point and 15 digits, the usual case, are converted in NumPy: the digits as an integer
divided by a power of ten, which is the correctly rounded value ``float()`` gives (both the
integer, below 2**53, and the power, at most 10**15, are exact doubles, and IEEE division
rounds correctly). Whole numbers of up to eight digits, the usual counts and populations,
are read faster still: eight bytes at a time as one 64-bit word (SWAR, as simdjson reads
digits). Every other non-empty cell (a sign, an exponent, spaces, words) goes through
``number_cell`` itself, so messages and edge cases are the shared rule's.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import NDArray

from wellboard.core.csv_cells import CellError, number_cell

CHUNK = 65_536
_PLAIN_WIDTH = 16  # 15 digits and a point
PADDING = _PLAIN_WIDTH  # bytes a buffer needs after its last cell


@dataclass(frozen=True)
class Cells:
    """Cells of one column: ``buffer[starts[i]:ends[i]]`` is record i's cell, as UTF-8. The
    buffer has at least PADDING bytes after the last cell."""

    buffer: NDArray[np.uint8]
    starts: NDArray[np.int64]
    ends: NDArray[np.int64]

    def text(self, index: int) -> str:
        return bytes(self.buffer[self.starts[index] : self.ends[index]]).decode("utf-8").strip()


@dataclass(frozen=True)
class Numbers:
    """Values (``missing`` where a cell is empty) and, if a cell is not an acceptable
    number, the first such record's index and the shared rule's message."""

    values: NDArray[np.float64]
    error_index: int | None = None
    error: str = ""


def parse_numbers(cells: Cells, column: str, rows: NDArray[np.int64], missing: float) -> Numbers:
    """The column's numbers; ``rows`` gives each record's row number for messages."""
    count = cells.starts.size
    values = np.empty(count, dtype=np.float64)
    for start in range(0, count, CHUNK):
        stop = min(start + CHUNK, count)
        lengths = cells.ends[start:stop] - cells.starts[start:stop]
        plain = _integer_chunk(cells, start, stop, values)
        if not np.all(plain | (lengths == 0)):
            plain = _plain_chunk(cells, start, stop, values)
        values[start:stop][lengths == 0] = missing
        for offset in np.flatnonzero(~plain & (lengths > 0)).tolist():
            index = start + offset
            try:
                number = number_cell(cells.text(index), column, int(rows[index]))
            except CellError as exc:
                return Numbers(values, index, str(exc))
            values[index] = missing if number is None else number
    return Numbers(values)


def _integer_chunk(cells: Cells, start: int, stop: int, values: NDArray[np.float64]) -> NDArray:
    """Convert the chunk's cells of one to eight digits into ``values``; return which cells
    those were. Each cell's eight bytes from its start are one little-endian word (first
    character lowest); shifted up so that the cell's characters are the word's top bytes,
    with "0"s below, the word is the number's eight digits."""
    starts = cells.starts[start:stop]
    lengths = cells.ends[start:stop] - starts
    if sys.byteorder != "little" or lengths.size == 0:
        return np.zeros(lengths.size, dtype=bool)
    short = np.minimum(lengths, 8)
    raw = _words(cells.buffer)[starts]
    word = (raw << _SHIFT[short]) | _LOW_ZEROS[short]
    digits = (word & _HIGH_NIBBLES) | (((word + _SIXES) & _HIGH_NIBBLES) >> np.uint64(4))
    ok = (digits == _THREES) & (lengths >= 1) & (lengths <= 8)
    word -= _ZEROS
    word = word * np.uint64(10) + (word >> np.uint64(8))
    word = (
        (word & _PAIR_MASK) * _PAIR_HIGH + ((word >> np.uint64(16)) & _PAIR_MASK) * _PAIR_LOW
    ) >> np.uint64(32)
    number = (word & np.uint64(0xFFFFFFFF)).astype(np.float64)
    values[start:stop][ok] = number[ok]
    return ok


def _words(buffer: NDArray[np.uint8]) -> NDArray[np.uint64]:
    """Every eight bytes of the buffer from every position, as a 64-bit word (no copy)."""
    return np.ndarray((buffer.size - 7,), np.uint64, buffer, 0, (1,))


_ZEROS = np.uint64(0x3030303030303030)
_SHIFT = np.array([64 - 8 * n if n else 0 for n in range(9)], dtype=np.uint64)
_LOW_ZEROS = np.array([0x3030303030303030 >> (8 * n) if n < 8 else 0 for n in range(9)],
                      dtype=np.uint64)  # fmt: skip
_HIGH_NIBBLES = np.uint64(0xF0F0F0F0F0F0F0F0)
_SIXES = np.uint64(0x0606060606060606)
_THREES = np.uint64(0x3333333333333333)
_PAIR_MASK = np.uint64(0x000000FF000000FF)
_PAIR_HIGH = np.uint64(100 + (1_000_000 << 32))
_PAIR_LOW = np.uint64(1 + (10_000 << 32))


def _plain_chunk(cells: Cells, start: int, stop: int, values: NDArray[np.float64]) -> NDArray:
    """Convert the chunk's plain cells into ``values``; return which cells were plain."""
    starts = cells.starts[start:stop]
    lengths = cells.ends[start:stop] - starts
    width = int(min(lengths.max(initial=0), _PLAIN_WIDTH))
    if width == 0:
        return np.zeros(stop - start, dtype=bool)
    window = sliding_window_view(cells.buffer, width)[starts]  # (n, width) copy of the bytes
    inside = np.arange(width) < lengths[:, None]
    digit = window - np.uint8(48)
    is_digit = (digit < 10) & inside
    is_point = (window == 46) & inside
    digits = is_digit.sum(axis=1)
    plain = (
        (lengths <= _PLAIN_WIDTH)
        & ((is_digit | is_point) == inside).all(axis=1)
        & (is_point.sum(axis=1) <= 1)
        & (digits >= 1)
        & (digits <= 15)
    )
    mantissa = np.zeros(stop - start, dtype=np.int64)
    for column in range(width):
        mantissa = np.where(is_digit[:, column], mantissa * 10 + digit[:, column], mantissa)
    after_point = np.where(is_point.any(axis=1), lengths - 1 - is_point.argmax(axis=1), 0)
    chunk = values[start:stop]
    chunk[plain] = mantissa[plain] / _POWERS[after_point[plain]]
    return plain


_POWERS = 10.0 ** np.arange(_PLAIN_WIDTH + 1)
