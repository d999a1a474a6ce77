"""Directly standardised rates with Dobson confidence limits.

Method, as PHE applies it (PHEindicatormethods R/DSR.R ``phe_dsr``/``calculate_dsr``): for a
group with age-band counts O_i, populations n_i and standard populations w_i,

    DSR = sum(w_i O_i / n_i) / sum(w_i)
    var = sum(O_i (w_i / n_i)^2) / sum(w_i)^2
    limits = DSR + sqrt(var / O) * (L(O) - O), with O = sum(O_i) and L the Byar's lower
             (or upper) limit of the total count,

all times the multiplier (per 100,000 by default). Dobson A et al., "Confidence intervals for
weighted sums of Poisson parameters", Stat Med 10:457-462, 1991; Byar's limits from Breslow and
Day (1987). PHE does not publish a DSR whose total count is below 10, so value and limits are
NaN for such groups. Missing counts count as zero (PHE's ``na.zero``).

The grouping is vectorised: rows are ordered by group once and every total is one
``np.add.reduceat`` (see ``grouping.py``).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from wellboard.core.stats.confidence import GroupedInterval
from wellboard.core.stats.grouping import group_index
from wellboard.core.stats.rates import SMALL_COUNT, byars_lower, byars_upper

MIN_TOTAL_COUNT = SMALL_COUNT
"""Groups with fewer events than this get no DSR (PHE suppresses them as unreliable)."""


def directly_standardised_rate(
    groups: ArrayLike,
    counts: ArrayLike,
    populations: ArrayLike,
    standard_populations: ArrayLike,
    confidence: float = 0.95,
    multiplier: float = 100_000.0,
) -> GroupedInterval:
    """One DSR per group from row-aligned arrays (one row per group and age band).

    ``standard_populations`` gives each row's standard population (for example
    ``esp2013_for_bands(labels)``). Raises ValueError for negative counts, populations that
    are not positive, or negative standard populations.
    """
    x = np.nan_to_num(np.asarray(counts, dtype=np.float64), nan=0.0)
    n = np.asarray(populations, dtype=np.float64)
    w = np.asarray(standard_populations, dtype=np.float64)
    if not x.shape == n.shape == w.shape or x.ndim != 1:
        raise ValueError("counts, populations and standard populations must be 1-D and aligned")
    if np.any(x < 0.0):
        raise ValueError("counts must be greater than or equal to zero")
    if not np.all(n > 0.0):
        raise ValueError("populations must all be greater than zero")
    if np.any(w < 0.0) or np.any(np.isnan(w)):
        raise ValueError("standard populations must be non-negative numbers")
    index = group_index(groups)
    weight_per_head = w / n
    weighted = weight_per_head * x
    squared = weighted * weight_per_head
    total_count = index.sums(x)
    total_standard = index.sums(w)
    value = index.sums(weighted) / total_standard
    variance = index.sums(squared) / (total_standard * total_standard)
    with np.errstate(divide="ignore", invalid="ignore"):
        spread = np.sqrt(variance / total_count)
        lower = value + spread * (byars_lower(total_count, confidence) - total_count)
        upper = value + spread * (byars_upper(total_count, confidence) - total_count)
    suppressed = total_count < MIN_TOTAL_COUNT
    for array in (value, lower, upper):
        array *= multiplier
        array[suppressed] = np.nan
    return GroupedInterval(index.keys, value, lower, upper)
