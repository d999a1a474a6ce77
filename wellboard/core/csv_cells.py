"""Number cells of CSV files: the one rule for what counts as a number, shared by the
statistics command (wellboard.core.stats) and the indicator loaders.

A count, population or published rate is written as digits with an optional point and
exponent; words ("ten", "nan", "inf"), thousands separators (unless the caller allows them)
and, unless allowed, negative numbers are refused with a one-line message naming the row.
"""

from __future__ import annotations

import math
import re

NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


class CellError(ValueError):
    """A cell that is not an acceptable number; the message is one line naming the row."""


def number_cell(
    text: str, column: str, row: int, *, negative: bool = False, thousands: bool = False
) -> float | None:
    """The cell's number, or None for an empty cell. ``thousands`` drops commas first
    ("1,234"); ``negative`` allows numbers below zero."""
    shown = text.strip()
    cell = shown.replace(",", "") if thousands else shown
    if cell == "":
        return None
    if not NUMBER.fullmatch(cell):
        raise CellError(f"row {row}: {column} {shown!r} is not a number")
    return checked_number(float(cell), shown, column, row, negative=negative)


def checked_number(
    value: float, shown: str, column: str, row: int, *, negative: bool = False
) -> float:
    """Refuse infinities (and NaN) and, unless allowed, negative numbers."""
    if not math.isfinite(value):
        raise CellError(f"row {row}: {column} {shown!r} is not a finite number")
    if value < 0.0 and not negative:
        raise CellError(f"row {row}: {column} must not be negative ({shown})")
    return value
