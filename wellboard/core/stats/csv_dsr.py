"""Directly standardised rates for a CSV table: the checks of each row, made on whole
columns at once, and the rates per group.

The old reader checked row after row (group, repeated band, numerator, population,
standard population or ESP band) and stopped at the first fault; here each check finds its
first failing row over the whole column, and the earliest row wins, ties going to the check
that came first in a row. The message is the same either way.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import NDArray

from wellboard.core.stats.confidence import GroupedInterval
from wellboard.core.stats.csv_numbers import Cells, Numbers, parse_numbers
from wellboard.core.stats.csv_table import Table
from wellboard.core.stats.dsr import directly_standardised_rate
from wellboard.core.stats.errors import StatsInputError
from wellboard.core.stats.standard_populations import esp2013, esp2013_bands, normalise_band

Fault = tuple[float, int, Callable[[], str]]  # (record index, check order, message)
NO_FAULT: Fault = (math.inf, 0, str)


def dsr_result(table: Table, level: float, scale: float) -> tuple[list[str], GroupedInterval]:
    """Group names in order of first appearance and their rates and limits."""
    group_codes, groups = text_codes(table.columns["group"])
    band_codes, band_texts = text_codes(table.columns["age_band"])
    own_standard = "standard_population" in table.columns
    bands = [normalise_band(text) for text in band_texts]
    canonical = {band: i for i, band in enumerate(dict.fromkeys(bands))}
    band_key = np.array([canonical[b] for b in bands], dtype=np.intp)[band_codes]
    esp = esp2013_bands()
    lookup = {band: i for i, band in enumerate(esp)}
    band_index = np.array([lookup.get(b, -1) for b in bands], dtype=np.intp)[band_codes]
    counts = parse_numbers(table.columns["numerator"], "numerator", table.rows, missing=0.0)
    populations = parse_numbers(
        table.columns["denominator"], "denominator", table.rows, missing=math.nan
    )
    faults = [
        _first(np.array([name == "" for name in groups], dtype=bool)[group_codes], 0, table,
               lambda row: f"row {row}: group is empty"),
        _repeated_band(table, group_codes, groups, band_key),
        _parse_fault(counts, 2),
        _parse_fault(populations, 3),
        _first(~(populations.values > 0.0), 4, table,
               lambda row: f"row {row}: denominator (population) must be greater than zero"),
    ]  # fmt: skip
    if own_standard:
        standards = parse_numbers(
            table.columns["standard_population"], "standard_population", table.rows, math.nan
        )
        faults.append(_parse_fault(standards, 5))
        faults.append(_first(np.isnan(standards.values), 6, table,
                             lambda row: f"row {row}: standard_population is empty"))  # fmt: skip
        standard = standards.values
    else:
        faults.append(_unknown_band(table, band_index, esp))
        standard = esp2013()[np.maximum(band_index, 0)]
    _raise_first(faults)
    if not own_standard:
        _check_complete(table, group_codes, groups, band_index, esp)
    interval = directly_standardised_rate(
        group_codes, counts.values, populations.values, standard, level, scale
    )
    names = [groups[code] for code in interval.groups.tolist()]
    return names, interval


def text_codes(cells: Cells) -> tuple[NDArray[np.intp], list[str]]:
    """Each record's stripped text as a code, and the texts in order of first appearance."""
    count = cells.starts.size
    if count == 0:
        return np.zeros(0, dtype=np.intp), []
    lengths = cells.ends - cells.starts
    width = max(int(lengths.max()), 1)
    buffer = cells.buffer
    if width > buffer.size - int(cells.ends.max()):
        buffer = np.concatenate([buffer, np.zeros(width, dtype=np.uint8)])
    matrix = sliding_window_view(buffer, width)[cells.starts]
    matrix[np.arange(width) >= lengths[:, None]] = 0
    keys = matrix.view(f"S{width}").ravel()
    unique, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    codes: dict[str, int] = {}
    remap = np.empty(unique.size, dtype=np.intp)
    for position in np.argsort(first, kind="stable").tolist():
        text = unique[position].decode("utf-8").strip()
        remap[position] = codes.setdefault(text, len(codes))
    return remap[inverse.ravel()], list(codes)


def _first(mask: NDArray[np.bool_], order: int, table: Table, message: Callable) -> Fault:
    hits = np.flatnonzero(mask)
    if hits.size == 0:
        return NO_FAULT
    index = int(hits[0])
    return (index, order, lambda: message(int(table.rows[index])))


def _parse_fault(numbers: Numbers, order: int) -> Fault:
    if numbers.error_index is None:
        return NO_FAULT
    return (numbers.error_index, order, lambda: numbers.error)


def _repeated_band(
    table: Table, group_codes: NDArray, groups: list[str], band_key: NDArray
) -> Fault:
    """The first row whose group already had its (normalised) age band."""
    pairs = group_codes.astype(np.int64) * (int(band_key.max(initial=0)) + 1) + band_key
    _, first, inverse = np.unique(pairs, return_index=True, return_inverse=True)
    repeat = np.flatnonzero(first[inverse.ravel()] != np.arange(pairs.size))
    if repeat.size == 0:
        return NO_FAULT
    index = int(repeat[0])

    def message() -> str:
        band = table.columns["age_band"].text(index)
        group = groups[group_codes[index]]
        return f"row {table.rows[index]}: age band {band!r} repeats for group {group!r}"

    return (index, 1, message)


def _unknown_band(table: Table, band_index: NDArray, esp: tuple[str, ...]) -> Fault:
    unknown = np.flatnonzero(band_index < 0)
    if unknown.size == 0:
        return NO_FAULT
    index = int(unknown[0])

    def message() -> str:
        band = table.columns["age_band"].text(index)
        return (
            f"row {table.rows[index]}: unknown age band {band!r} "
            f"(the ESP 2013 bands are {', '.join(esp)})"
        )

    return (index, 5, message)


def _raise_first(faults: list[Fault]) -> None:
    index, _, message = min(faults, key=lambda fault: (fault[0], fault[1]))
    if index < math.inf:
        raise StatsInputError(message())


def _check_complete(
    table: Table, group_codes: NDArray, groups: list[str], band_index: NDArray, esp: tuple
) -> None:
    """Every group has all nineteen bands (repeats were refused, so counting is enough)."""
    per_group = np.bincount(group_codes, minlength=len(groups))
    short = np.flatnonzero(per_group < len(esp))
    if short.size == 0:
        return
    code = int(short[0])  # codes follow first appearance
    members = np.flatnonzero(group_codes == code)
    present = set(band_index[members].tolist())
    absent = [band for i, band in enumerate(esp) if i not in present]
    raise StatsInputError(
        f"row {table.rows[members[0]]}: group {groups[code]!r} (first seen on this row) has no "
        f"rows for age band{'s' if len(absent) > 1 else ''} {', '.join(absent)}"
    )
