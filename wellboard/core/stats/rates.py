"""Crude rates, and confidence limits for counts of events (Poisson).

Methods, as PHE applies them (PHEindicatormethods R/Rates.R ``phe_rate``, R/utils.R
``byars_lower``/``byars_upper``):

- Byar's approximation for counts of 10 or more (Breslow NE, Day NE, Statistical methods in
  cancer research, volume II, IARC, 1987)::

      lower = O * (1 - 1/(9O) - z/(3 sqrt(O)))^3
      upper = (O + 1) * (1 - 1/(9(O + 1)) + z/(3 sqrt(O + 1)))^3

  A lower limit that comes out negative (tiny counts at very high confidence) is undefined, as
  in PHEindicatormethods, and returned as NaN.
- Exact limits for counts below 10 (Armitage P, Berry G, Statistical methods in medical
  research, 4th edn, 2002): lower = qchisq(alpha/2, 2O)/2, upper = qchisq(1 - alpha/2, 2O + 2)/2,
  i.e. gamma quantiles with shapes O and O + 1 (see ``gamma.py``). There are only ten whole
  counts below 10, so their exact limits form a ten-entry lookup table per confidence level,
  computed once and cached; rows only index into it. (Fractional counts below 10, which PHE
  allows, get exact limits computed once per distinct value.)

A rate is count / population * multiplier (per 100,000 by default) with the count's limits
scaled the same way. Long arrays are worked through in cache-sized slices (``chunks.py``).
"""

from __future__ import annotations

from functools import cache

import numpy as np
from numpy.typing import ArrayLike, NDArray

from wellboard.core.stats.chunks import CHUNK_ROWS, aligned_flat, slices
from wellboard.core.stats.confidence import Interval, normalise_confidence
from wellboard.core.stats.gamma import gamma_ppf
from wellboard.core.stats.normal import two_sided_z

SMALL_COUNT = 10
"""Counts below this get exact Poisson limits rather than Byar's (PHE's threshold)."""


def _byars_lower_into(x: NDArray, z: float, out: NDArray, scratch: NDArray) -> None:
    np.sqrt(x, out=scratch)
    np.divide(z / 3.0, scratch, out=scratch)
    np.divide(1.0 / 9.0, x, out=out)
    np.subtract(1.0, out, out=out)
    out -= scratch
    np.multiply(out, out, out=scratch)
    scratch *= out
    np.multiply(scratch, x, out=out)
    out[out < 0.0] = np.nan


def _byars_upper_into(x: NDArray, z: float, out: NDArray, scratch: NDArray) -> None:
    x1 = np.add(x, 1.0, out=out)
    np.sqrt(x1, out=scratch)
    np.divide(z / 3.0, scratch, out=scratch)
    scratch -= (1.0 / 9.0) / x1
    scratch += 1.0
    np.multiply(x1, scratch, out=out)
    out *= scratch
    out *= scratch


def _check_counts(x: NDArray) -> None:
    if np.any(x < 0.0):
        raise ValueError("counts must be greater than or equal to zero")


def byars_lower(count: ArrayLike, confidence: float = 0.95) -> NDArray[np.float64]:
    """Byar's lower confidence limit for observed counts (NaN where it would be negative)."""
    x = np.asarray(count, dtype=np.float64)
    _check_counts(x)
    out, scratch = np.empty(x.shape), np.empty(x.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        _byars_lower_into(x, two_sided_z(normalise_confidence(confidence)), out, scratch)
    return out


def byars_upper(count: ArrayLike, confidence: float = 0.95) -> NDArray[np.float64]:
    """Byar's upper confidence limit for observed counts."""
    x = np.asarray(count, dtype=np.float64)
    _check_counts(x)
    out, scratch = np.empty(x.shape), np.empty(x.shape)
    _byars_upper_into(x, two_sided_z(normalise_confidence(confidence)), out, scratch)
    return out


def exact_poisson_limits(
    count: ArrayLike, confidence: float = 0.95
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Exact Poisson limits for any counts, computed once per distinct count."""
    x = np.asarray(count, dtype=np.float64)
    _check_counts(x)
    alpha = 1.0 - normalise_confidence(confidence)
    distinct, inverse = np.unique(x, return_inverse=True)
    lower = gamma_ppf(alpha / 2.0, distinct)
    upper = gamma_ppf(1.0 - alpha / 2.0, distinct + 1.0)
    return lower[inverse].reshape(x.shape), upper[inverse].reshape(x.shape)


@cache
def _exact_table(level: float) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Exact limits of the counts 0..9, kept per confidence level (read-only)."""
    lower, upper = exact_poisson_limits(np.arange(SMALL_COUNT, dtype=np.float64), level)
    lower.flags.writeable = False
    upper.flags.writeable = False
    return lower, upper


class _Limits:
    """Everything one confidence level needs: z for Byar's, and the exact limits of the whole
    counts 0..9 as a lookup table."""

    def __init__(self, confidence: float) -> None:
        self.level = normalise_confidence(confidence)
        self.z = two_sided_z(self.level)
        self.table_lower, self.table_upper = _exact_table(self.level)

    def fill(self, x: NDArray, lower: NDArray, upper: NDArray, scratch: NDArray) -> None:
        """Limits for the counts in one slice: Byar's throughout, then exact below 10."""
        with np.errstate(divide="ignore", invalid="ignore"):
            _byars_lower_into(x, self.z, lower, scratch)
            _byars_upper_into(x, self.z, upper, scratch)
        small = np.flatnonzero(x < SMALL_COUNT)
        if small.size == 0:
            return
        small_counts = x[small]
        positions = small_counts.astype(np.intp)
        if np.array_equal(positions, small_counts):
            lower[small] = self.table_lower[positions]
            upper[small] = self.table_upper[positions]
        else:
            lower[small], upper[small] = exact_poisson_limits(small_counts, self.level)


def poisson_limits(
    count: ArrayLike, confidence: float = 0.95
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Limits for observed counts as PHE gives them: exact below 10, Byar's from 10 up.

    Missing counts (NaN) give NaN limits.
    """
    shape, (x,) = aligned_flat(count)
    limits = _Limits(confidence)
    lower, upper = np.empty(x.size), np.empty(x.size)
    scratch = np.empty(min(x.size, CHUNK_ROWS))
    for part in slices(x.size):
        xs = x[part]
        _check_counts(xs)
        limits.fill(xs, lower[part], upper[part], scratch[: xs.size])
    return lower.reshape(shape), upper.reshape(shape)


def crude_rate(
    numerator: ArrayLike,
    denominator: ArrayLike,
    confidence: float = 0.95,
    multiplier: float = 100_000.0,
) -> Interval:
    """Rate numerator/denominator * multiplier with PHE's exact/Byar's limits.

    The numerator may exceed the denominator (a rate, not a proportion; PHE's tests include
    250 events in a population of 220). A zero or missing denominator gives NaN; negative
    counts or denominators raise ValueError.
    """
    shape, (x, n) = aligned_flat(numerator, denominator)
    limits = _Limits(confidence)
    value, lower, upper = np.empty(x.size), np.empty(x.size), np.empty(x.size)
    scratch = np.empty(min(x.size, CHUNK_ROWS))
    for part in slices(x.size):
        xs, ns = x[part], n[part]
        _check_counts(xs)
        if np.any(ns < 0.0):
            raise ValueError("denominators must be greater than or equal to zero")
        lo, hi, scale = lower[part], upper[part], value[part]
        limits.fill(xs, lo, hi, scratch[: xs.size])
        with np.errstate(divide="ignore"):
            np.divide(multiplier, ns, out=scale)
        zero = ns == 0.0
        if zero.any():
            scale[zero] = np.nan
        lo *= scale
        hi *= scale
        scale *= xs
    return Interval(value.reshape(shape), lower.reshape(shape), upper.reshape(shape))
