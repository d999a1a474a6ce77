"""A column of CSV number cells read in bulk: the rule of wellboard.core.csv_cells, applied
to a million cells at once.

Cells are slices of a byte buffer (``starts``/``ends``). Cells of plain digits with at most
one point and 15 digits, the usual case, are converted in NumPy: the digits as an integer
divided by a power of ten, which is the correctly rounded value ``float()`` gives (both the
integer, below 2**53, and the power, at most 10**15, are exact doubles, and IEEE division
rounds correctly). Every other non-empty cell (a sign, an exponent, spaces, words) goes
through ``number_cell`` itself, so messages and edge cases are the shared rule's.
"""

from __future__ import annotations

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
        plain = _plain_chunk(cells, start, stop, values)
        lengths = cells.ends[start:stop] - cells.starts[start:stop]
        values[start:stop][lengths == 0] = missing
        for offset in np.flatnonzero(~plain & (lengths > 0)).tolist():
            index = start + offset
            try:
                number = number_cell(cells.text(index), column, int(rows[index]))
            except CellError as exc:
                return Numbers(values, index, str(exc))
            values[index] = missing if number is None else number
    return Numbers(values)


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
