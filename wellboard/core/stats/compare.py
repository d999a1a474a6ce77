"""Comparing areas with a benchmark, with a target, and with each other (quintiles).

- Benchmark: Fingertips' "confidence intervals overlapping reference value" method (OHID,
  Fingertips public health technical guidance, "Comparisons with benchmarks"). An area is
  significantly higher when its lower limit is above the benchmark value, significantly lower
  when its upper limit is below it, and similar otherwise (a limit equal to the benchmark counts
  as overlapping). With a polarity, higher and lower read as better and worse. The caller
  chooses which limits to pass (Fingertips shows 95% and 99.8%).
- Target: the value itself (not its interval) against the target, as Fingertips compares with
  a goal; an optional second threshold gives a "close to target" band between the two.
- Quintiles: areas ranked within each comparator group; quintile = floor(5 (r - 1) / n) + 1,
  where r is the area's rank among the n areas with a value (tied values share the lowest
  rank, so they share a quintile).

Results are small integer codes (one byte per row, so a whole Fingertips-sized table compares
in one pass); the ``*_labels`` functions turn codes into the words shown to people.
"""

from __future__ import annotations

from enum import IntEnum

import numpy as np
from numpy.typing import ArrayLike, NDArray

from wellboard.core.stats.grouping import group_index
from wellboard.core.stats.polarity import Polarity, parse_polarity


class Comparison(IntEnum):
    NOT_COMPARED = 0
    SIMILAR = 1
    HIGHER = 2
    LOWER = 3


class TargetStatus(IntEnum):
    NOT_COMPARED = 0
    MEETS = 1
    CLOSE = 2
    MISSES = 3


def compare_with_benchmark(
    lower: ArrayLike, upper: ArrayLike, benchmark: ArrayLike
) -> NDArray[np.int8]:
    """Comparison codes from each area's limits and the benchmark value (broadcast).

    Rows with a missing limit or benchmark are NOT_COMPARED.
    """
    lo = np.asarray(lower, dtype=np.float64)
    hi = np.asarray(upper, dtype=np.float64)
    ref = np.asarray(benchmark, dtype=np.float64)
    shape = np.broadcast_shapes(lo.shape, hi.shape, ref.shape)
    codes = np.full(shape, Comparison.SIMILAR, dtype=np.int8)
    codes[lo > ref] = Comparison.HIGHER
    codes[hi < ref] = Comparison.LOWER
    with np.errstate(invalid="ignore"):
        missing = np.isnan(lo + hi + ref)
    codes[missing] = Comparison.NOT_COMPARED
    return codes


_COMPARISON_WORDS = {
    Polarity.NONE: ("Not compared", "Similar", "Higher", "Lower"),
    Polarity.HIGHER_IS_BETTER: ("Not compared", "Similar", "Better", "Worse"),
    Polarity.LOWER_IS_BETTER: ("Not compared", "Similar", "Worse", "Better"),
}


def comparison_labels(codes: ArrayLike, polarity: Polarity | str | None = None) -> NDArray[np.str_]:
    """Words for comparison codes: Better/Similar/Worse with a polarity, else Higher/Lower."""
    words = np.array(_COMPARISON_WORDS[parse_polarity(polarity)])
    return words[np.asarray(codes, dtype=np.intp)]


def compare_with_target(
    values: ArrayLike,
    target: ArrayLike,
    polarity: Polarity | str,
    close: ArrayLike | None = None,
) -> NDArray[np.int8]:
    """Target codes: MEETS when the value is at or beyond the target in the better direction.

    ``close`` is an optional second threshold on the worse side of the target (for example 90%
    when the target is 95% and higher is better): values between it and the target are CLOSE.
    """
    direction = parse_polarity(polarity)
    if direction is Polarity.NONE:
        raise ValueError("a target comparison needs a polarity")
    sign = 1.0 if direction is Polarity.HIGHER_IS_BETTER else -1.0
    v = sign * np.asarray(values, dtype=np.float64)
    goal = sign * np.asarray(target, dtype=np.float64)
    shape = np.broadcast_shapes(v.shape, goal.shape)
    codes = np.full(shape, TargetStatus.MISSES, dtype=np.int8)
    if close is not None:
        codes[v >= sign * np.asarray(close, dtype=np.float64)] = TargetStatus.CLOSE
    codes[v >= goal] = TargetStatus.MEETS
    codes[np.isnan(v + goal)] = TargetStatus.NOT_COMPARED
    return codes


def target_labels(codes: ArrayLike) -> NDArray[np.str_]:
    words = np.array(("Not compared", "Meets target", "Close to target", "Does not meet target"))
    return words[np.asarray(codes, dtype=np.intp)]


def quintiles(values: ArrayLike, groups: ArrayLike | None = None) -> NDArray[np.int8]:
    """Quintile 1 (lowest values) to 5 (highest) within each group; 0 where the value is missing.

    One lexsort over (group, value) ranks every group at once.
    """
    v = np.asarray(values, dtype=np.float64)
    if v.ndim != 1:
        raise ValueError("values must be one-dimensional")
    keys = np.zeros(v.shape[0], dtype=np.intp) if groups is None else np.asarray(groups)
    present = ~np.isnan(v)
    out = np.zeros(v.shape[0], dtype=np.int8)
    rows = np.flatnonzero(present)
    if rows.size == 0:
        return out
    index = group_index(keys[rows])
    group_of = index.group_numbers()
    order = np.lexsort((v[rows], group_of))
    sorted_values, sorted_groups = v[rows][order], group_of[order]
    position = np.arange(rows.size)
    new_run = np.ones(rows.size, dtype=bool)
    new_run[1:] = (sorted_values[1:] != sorted_values[:-1]) | (
        sorted_groups[1:] != sorted_groups[:-1]
    )
    # Lowest rank within each run of tied values, then relative to the group's first row.
    run_start = np.maximum.accumulate(np.where(new_run, position, 0))
    rank0 = run_start - index.starts[sorted_groups]
    size = index.sizes[sorted_groups]
    out[rows[order]] = (5 * rank0 // size + 1).astype(np.int8)
    return out


_QUINTILE_WORDS = {
    Polarity.NONE: ("Not ranked", "Lowest", "Low", "Middle", "High", "Highest"),
    Polarity.HIGHER_IS_BETTER: ("Not ranked", "Worst", "Worse", "Middle", "Better", "Best"),
    Polarity.LOWER_IS_BETTER: ("Not ranked", "Best", "Better", "Middle", "Worse", "Worst"),
}


def quintile_labels(codes: ArrayLike, polarity: Polarity | str | None = None) -> NDArray[np.str_]:
    """Words for quintiles: Lowest..Highest, or Best..Worst once a polarity says which is good."""
    words = np.array(_QUINTILE_WORDS[parse_polarity(polarity)])
    return words[np.asarray(codes, dtype=np.intp)]
