"""Statistics for a CSV file: the pure functions behind ``wellboard indicators stats``.

Input columns by method (names are matched case-insensitively, other columns are ignored):

- ``wilson``: numerator, denominator. One result per row: a proportion (multiplier 1 by
  default; 100 gives a percentage) with Wilson score limits.
- ``byars``: numerator, denominator. One result per row: a crude rate per multiplier (100,000
  by default), exact Poisson limits below 10 events and Byar's from 10.
- ``dsr``: group, age_band, numerator, denominator[, standard_population]. One result per group
  (in order of first appearance): a directly standardised rate per multiplier (100,000 by
  default), Dobson limits. Without a standard_population column the age bands must be the
  nineteen ESP 2013 bands ("0-4", "5-9", ..., "85-89", "90+"), each exactly once per group.

An empty numerator or denominator is a missing value: the row's results are None (for dsr an
empty numerator counts as zero events, as in PHEindicatormethods). Anything else wrong raises
StatsInputError with a one-line message naming the row, the header being row 1; where a file
has several faults, the one reported is the one the checks meet first going through the file
(for wilson and byars: every numerator, then every denominator, then numerator <= denominator).

Columns are read in bulk (csv_table.py) and results stay NumPy arrays (``compute_table``) until
they are written out (csv_output.py); ``compute_csv`` gives them as dicts, for callers that
want Python objects.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any, BinaryIO, TextIO

import numpy as np
from numpy.typing import NDArray

from wellboard.core.stats.confidence import normalise_confidence
from wellboard.core.stats.csv_dsr import dsr_result
from wellboard.core.stats.csv_numbers import parse_numbers
from wellboard.core.stats.csv_table import Table, read_table
from wellboard.core.stats.errors import StatsInputError
from wellboard.core.stats.proportions import wilson_interval
from wellboard.core.stats.rates import crude_rate

METHODS = ("wilson", "byars", "dsr")
DEFAULT_MULTIPLIERS = {"wilson": 1.0, "byars": 100_000.0, "dsr": 100_000.0}
COLUMNS = {
    "wilson": ("numerator", "denominator"),
    "byars": ("numerator", "denominator"),
    "dsr": ("group", "age_band", "numerator", "denominator"),
}


@dataclass(frozen=True)
class StatsResult:
    """One result per row (wilson, byars) or per group (dsr, with ``groups``); NaN where a
    value cannot be computed."""

    value: NDArray[np.float64]
    lower: NDArray[np.float64]
    upper: NDArray[np.float64]
    groups: list[str] | None = None


def compute_csv(
    source: str | os.PathLike[str] | TextIO | BinaryIO,
    method: str,
    confidence: float,
    multiplier: float | None = None,
) -> list[dict[str, Any]]:
    """Read the CSV (a path or an open stream) and return one result dict per row
    (wilson, byars: value, lower, upper) or per group (dsr: group, value, lower, upper).
    Floats are plain Python floats; a value that cannot be computed is None."""
    result = compute_table(read_source(source), method, confidence, multiplier)
    columns: list[list[Any]] = [_plain(result.value), _plain(result.lower), _plain(result.upper)]
    names = ["value", "lower", "upper"]
    if result.groups is not None:
        columns.insert(0, result.groups)
        names.insert(0, "group")
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


def read_source(source: str | os.PathLike[str] | TextIO | BinaryIO) -> bytes:
    """The file's bytes: from a path, a binary stream, or a text stream (encoded as UTF-8)."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as stream:
            return stream.read()
    data = source.read()
    return data.encode("utf-8") if isinstance(data, str) else data


def compute_table(
    data: bytes, method: str, confidence: float, multiplier: float | None = None
) -> StatsResult:
    """The statistics for a CSV file's bytes, as arrays."""
    method = method.strip().lower()
    if method not in METHODS:
        raise StatsInputError(f"unknown method {method!r}: use one of {', '.join(METHODS)}")
    try:
        level = normalise_confidence(confidence)
    except ValueError as exc:
        raise StatsInputError(str(exc)) from None
    scale = DEFAULT_MULTIPLIERS[method] if multiplier is None else float(multiplier)
    if not (math.isfinite(scale) and scale > 0.0):
        raise StatsInputError(f"multiplier must be a positive number, not {multiplier!r}")
    table = read_table(data, (*COLUMNS[method], "standard_population"))
    missing = [name for name in COLUMNS[method] if name not in table.header]
    if missing:
        raise StatsInputError(
            f"row {table.header_row}: missing column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)} (the {method} method needs {', '.join(COLUMNS[method])})"
        )
    if method == "dsr":
        groups, by_group = dsr_result(table, level, scale)
        return StatsResult(by_group.value, by_group.lower, by_group.upper, groups)
    numerators, denominators = _counts(table)
    if method == "wilson":
        _check_proportions(table, numerators, denominators)
        interval = wilson_interval(numerators, denominators, level, scale)
    else:
        interval = crude_rate(numerators, denominators, level, scale)
    return StatsResult(interval.value, interval.lower, interval.upper)


def _counts(table: Table) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Numerators, then denominators: the first bad cell of the first column is reported."""
    columns = []
    for name in ("numerator", "denominator"):
        numbers = parse_numbers(table.columns[name], name, table.rows, missing=math.nan)
        if numbers.error_index is not None:
            raise StatsInputError(numbers.error)
        columns.append(numbers.values)
    return columns[0], columns[1]


def _check_proportions(
    table: Table, numerators: NDArray[np.float64], denominators: NDArray[np.float64]
) -> None:
    over = np.flatnonzero(numerators > denominators)
    if over.size:
        index = int(over[0])
        numerator = table.columns["numerator"].text(index)
        denominator = table.columns["denominator"].text(index)
        raise StatsInputError(
            f"row {table.rows[index]}: numerator {numerator} is greater than denominator "
            f"{denominator} (a proportion needs numerator <= denominator)"
        )


def _plain(values: NDArray[np.float64]) -> list[float | None]:
    return [v if math.isfinite(v) else None for v in values.tolist()]
