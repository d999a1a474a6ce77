"""The row-by-row CSV statistics as they were before the bulk reader (commit 9fa25ba),
kept unchanged as the oracle for test_csv_reference.py: the bulk reader must give the same
results and the same first error on any file."""

from __future__ import annotations

import csv
import math
import os
import re
from collections.abc import Iterator
from typing import Any, TextIO

import numpy as np

from wellboard.core.stats.confidence import normalise_confidence
from wellboard.core.stats.dsr import directly_standardised_rate
from wellboard.core.stats.errors import StatsInputError
from wellboard.core.stats.proportions import wilson_interval
from wellboard.core.stats.rates import crude_rate
from wellboard.core.stats.standard_populations import esp2013, esp2013_bands, normalise_band

METHODS = ("wilson", "byars", "dsr")
DEFAULT_MULTIPLIERS = {"wilson": 1.0, "byars": 100_000.0, "dsr": 100_000.0}
_COLUMNS = {
    "wilson": ("numerator", "denominator"),
    "byars": ("numerator", "denominator"),
    "dsr": ("group", "age_band", "numerator", "denominator"),
}
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")

Row = tuple[int, dict[str, str]]


def compute_csv(
    source: str | os.PathLike[str] | TextIO,
    method: str,
    confidence: float,
    multiplier: float | None = None,
) -> list[dict[str, Any]]:
    """Read the CSV (a path or an open text stream) and return one result dict per row
    (wilson, byars: value, lower, upper) or per group (dsr: group, value, lower, upper).
    Floats are plain Python floats; a value that cannot be computed is None."""
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
    if isinstance(source, str | os.PathLike):
        with open(source, encoding="utf-8-sig", newline="") as stream:
            header, rows = _read(stream, method)
    else:
        header, rows = _read(source, method)
    if method == "dsr":
        return _dsr(rows, "standard_population" in header, level, scale)
    return _per_row(rows, method, level, scale)


def _read(stream: TextIO, method: str) -> tuple[list[str], list[Row]]:
    reader = csv.reader(stream, strict=True)
    try:
        records = list(_numbered(reader))
    except csv.Error as exc:
        raise StatsInputError(f"row {reader.line_num}: not valid CSV ({exc})") from None
    if not records:
        raise StatsInputError("row 1: the file is empty (no header row)")
    header_row, header_cells = records[0]
    header = [cell.strip().lower().lstrip("\ufeff") for cell in header_cells]
    missing = [name for name in _COLUMNS[method] if name not in header]
    if missing:
        raise StatsInputError(
            f"row {header_row}: missing column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)} (the {method} method needs {', '.join(_COLUMNS[method])})"
        )
    rows = [
        (
            number,
            {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)},
        )
        for number, cells in records[1:]
    ]
    return header, rows


def _numbered(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Non-blank records with the file line each starts on."""
    start = 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            yield start, cells
        start = reader.line_num + 1


def _number(row: Row, column: str, *, missing: float = math.nan) -> float:
    number, cells = row
    text = cells.get(column, "")
    if text == "":
        return missing
    if not _NUMBER.fullmatch(text):
        raise StatsInputError(f"row {number}: {column} {text!r} is not a number")
    value = float(text)
    if not math.isfinite(value):
        raise StatsInputError(f"row {number}: {column} {text!r} is too large")
    if value < 0.0:
        raise StatsInputError(f"row {number}: {column} must not be negative ({text})")
    return value


def _per_row(rows: list[Row], method: str, level: float, scale: float) -> list[dict[str, Any]]:
    numerators = np.array([_number(row, "numerator") for row in rows], dtype=np.float64)
    denominators = np.array([_number(row, "denominator") for row in rows], dtype=np.float64)
    if method == "wilson":
        over = np.flatnonzero(numerators > denominators)
        if over.size:
            number, cells = rows[over[0]]
            raise StatsInputError(
                f"row {number}: numerator {cells['numerator']} is greater than denominator "
                f"{cells['denominator']} (a proportion needs numerator <= denominator)"
            )
        result = wilson_interval(numerators, denominators, level, scale)
    else:
        result = crude_rate(numerators, denominators, level, scale)
    return [
        {"value": _plain(v), "lower": _plain(lo), "upper": _plain(hi)}
        for v, lo, hi in zip(result.value, result.lower, result.upper, strict=True)
    ]


def _dsr(rows: list[Row], own_standard: bool, level: float, scale: float) -> list[dict[str, Any]]:
    esp = dict(zip(esp2013_bands(), esp2013().tolist(), strict=True))
    codes: dict[str, int] = {}
    first_row: dict[str, int] = {}
    seen: set[tuple[str, str]] = set()
    columns: list[list[float]] = [[], [], [], []]  # group code, count, population, standard
    for row in rows:
        group, band = _dsr_keys(row, seen)
        codes.setdefault(group, len(codes))
        first_row.setdefault(group, row[0])
        values = (
            codes[group],
            _number(row, "numerator", missing=0.0),
            _population(row),
            _standard(row, band, esp if not own_standard else None),
        )
        for column, value in zip(columns, values, strict=True):
            column.append(value)
    if not own_standard:
        _check_complete(codes, first_row, seen, tuple(esp))
    group_codes, counts, populations, standards = (np.array(column) for column in columns)
    result = directly_standardised_rate(
        group_codes.astype(np.intp), counts, populations, standards, level, scale
    )
    names = list(codes)
    return [
        {"group": names[code], "value": _plain(v), "lower": _plain(lo), "upper": _plain(hi)}
        for code, v, lo, hi in zip(
            result.groups, result.value, result.lower, result.upper, strict=True
        )
    ]


def _dsr_keys(row: Row, seen: set[tuple[str, str]]) -> tuple[str, str]:
    """The row's group and canonical age band, refusing a blank group or a repeated band."""
    number, cells = row
    group, band = cells["group"], normalise_band(cells["age_band"])
    if group == "":
        raise StatsInputError(f"row {number}: group is empty")
    if (group, band) in seen:
        raise StatsInputError(
            f"row {number}: age band {cells['age_band']!r} repeats for group {group!r}"
        )
    seen.add((group, band))
    return group, band


def _population(row: Row) -> float:
    population = _number(row, "denominator")
    if not population > 0.0:
        raise StatsInputError(f"row {row[0]}: denominator (population) must be greater than zero")
    return population


def _standard(row: Row, band: str, esp: dict[str, float] | None) -> float:
    """The row's standard population: its own column, or ESP 2013 looked up by age band."""
    number, cells = row
    if esp is None:
        standard = _number(row, "standard_population")
        if math.isnan(standard):
            raise StatsInputError(f"row {number}: standard_population is empty")
        return standard
    if band not in esp:
        raise StatsInputError(
            f"row {number}: unknown age band {cells['age_band']!r} "
            f"(the ESP 2013 bands are {', '.join(esp)})"
        )
    return esp[band]


def _check_complete(
    codes: dict[str, int],
    first_row: dict[str, int],
    seen: set[tuple[str, str]],
    bands: tuple[str, ...],
) -> None:
    for group in codes:
        absent = [band for band in bands if (group, band) not in seen]
        if absent:
            raise StatsInputError(
                f"row {first_row[group]}: group {group!r} (first seen on this row) has no rows "
                f"for age band{'s' if len(absent) > 1 else ''} {', '.join(absent)}"
            )


def _plain(value: float) -> float | None:
    number = float(value)
    return number if math.isfinite(number) else None
