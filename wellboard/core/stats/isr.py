"""Indirectly standardised ratios (standardised mortality ratios and the like).

Method, as PHE applies it (PHEindicatormethods R/ISRatio.R ``calculate_ISRatio``, formerly
``phe_isr``/``phe_smr``): the expected count for a group is sum(n_i * X_i / N_i) over its age
bands, with X_i and N_i the reference events and population in band i; the ratio is
observed / expected times a reference value (1, or 100 for an SMR written as a percentage), and
its limits are the observed count's limits divided by the expected count: exact Poisson below
10 events, Byar's from 10 (Breslow and Day 1987; Armitage and Berry 2002), see ``rates.py``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from wellboard.core.stats.confidence import GroupedInterval, Interval
from wellboard.core.stats.grouping import group_index
from wellboard.core.stats.rates import crude_rate


def standardised_ratio(
    observed: ArrayLike,
    expected: ArrayLike,
    confidence: float = 0.95,
    reference_value: float = 1.0,
) -> Interval:
    """Observed / expected * reference_value with limits from the observed count.

    A zero or missing expected count gives NaN.
    """
    # The same computation as a crude rate, with the expected count as the denominator.
    return crude_rate(observed, expected, confidence, reference_value)


def indirectly_standardised_ratio(
    groups: ArrayLike,
    counts: ArrayLike,
    populations: ArrayLike,
    reference_counts: ArrayLike,
    reference_populations: ArrayLike,
    confidence: float = 0.95,
    reference_value: float = 1.0,
) -> GroupedInterval:
    """One ratio per group from row-aligned arrays (one row per group and age band).

    Missing counts and populations count as zero, as in PHEindicatormethods (``na.zero``).
    """
    x = np.nan_to_num(np.asarray(counts, dtype=np.float64), nan=0.0)
    n = np.nan_to_num(np.asarray(populations, dtype=np.float64), nan=0.0)
    ref_x = np.nan_to_num(np.asarray(reference_counts, dtype=np.float64), nan=0.0)
    ref_n = np.asarray(reference_populations, dtype=np.float64)
    if np.any(x < 0.0) or np.any(n < 0.0) or np.any(ref_x < 0.0):
        raise ValueError("counts and populations must be greater than or equal to zero")
    if not np.all(ref_n > 0.0):
        raise ValueError("reference populations must all be greater than zero")
    index = group_index(groups)
    expected = index.sums(n * (ref_x / ref_n))
    result = standardised_ratio(index.sums(x), expected, confidence, reference_value)
    return GroupedInterval(index.keys, result.value, result.lower, result.upper)
