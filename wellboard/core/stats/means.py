"""Means with confidence limits from Student's t distribution.

Method, as PHE applies it (PHEindicatormethods R/Means.R ``phe_mean``): for n values with mean
m and sample standard deviation s (divisor n - 1), the limits are m -/+ t * s / sqrt(n), where t
is the two-sided quantile of Student's t with n - 1 degrees of freedom (``student_t.py``). A
group of one value has no standard deviation, so its limits are NaN.

The standard deviation uses two passes (group means first, then squared deviations), which
keeps its precision when the values are large relative to their spread.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from wellboard.core.stats.confidence import GroupedInterval, normalise_confidence
from wellboard.core.stats.grouping import group_index
from wellboard.core.stats.student_t import t_ppf


def mean_interval(
    values: ArrayLike,
    groups: ArrayLike | None = None,
    confidence: float = 0.95,
) -> GroupedInterval:
    """Mean of the values in each group (one group when ``groups`` is None), with t limits.

    Missing values (NaN) are not allowed: drop them first, as their meaning varies.
    """
    x = np.asarray(values, dtype=np.float64)
    if x.ndim != 1:
        raise ValueError("values must be one-dimensional")
    if np.any(np.isnan(x)):
        raise ValueError("values must not be missing")
    keys = np.zeros(x.shape[0], dtype=np.intp) if groups is None else groups
    index = group_index(keys)
    count = index.sizes.astype(np.float64)
    mean = index.sums(x) / count
    deviation = index.sorted(x) - index.broadcast(mean)
    with np.errstate(divide="ignore", invalid="ignore"):
        stdev = np.sqrt(np.add.reduceat(deviation * deviation, index.starts) / (count - 1.0))
        level = normalise_confidence(confidence)
        t = _t_for_counts(level, count)
        half_width = t * stdev / np.sqrt(count)
    return GroupedInterval(index.keys, mean, mean - half_width, mean + half_width)


def _t_for_counts(level: float, count: NDArray[np.float64]) -> NDArray[np.float64]:
    """The two-sided t value for each group, computed once per distinct group size."""
    sizes, inverse = np.unique(count, return_inverse=True)
    df = np.where(sizes > 1.0, sizes - 1.0, np.nan)
    return t_ppf(level + (1.0 - level) / 2.0, df)[inverse]
