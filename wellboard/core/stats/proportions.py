"""Proportions with Wilson score confidence intervals.

Method: Wilson EB, "Probable inference, the law of succession, and statistical inference",
J Am Stat Assoc 22:209-212, 1927, in the form given by Newcombe RG and Altman DG, "Proportions
and their differences", in Altman DG et al. (eds), Statistics with confidence, 2nd edn, BMJ
Books, 2000, pp 46-48. It is PHE's method for proportions (PHEindicatormethods R/utils.R,
``wilson_lower``/``wilson_upper``; R/Proportions.R, ``phe_proportion``)::

    limits = (2x + z^2 -/+ z * sqrt(z^2 + 4x(1 - x/n))) / (2(n + z^2))

computed here as (x + z^2/2 -/+ z * sqrt(z^2/4 + x(1 - x/n))) / (n + z^2), which is the same
expression with the 2s cancelled, in place and slice by slice (``chunks.py``).
Numerators need not be whole numbers (PHE's tests include 0.445 out of 1).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from wellboard.core.stats.chunks import CHUNK_ROWS, aligned_flat, slices
from wellboard.core.stats.confidence import Interval, normalise_confidence
from wellboard.core.stats.normal import two_sided_z


def check_proportion_inputs(numerator: NDArray, denominator: NDArray) -> None:
    """Raise ValueError for counts PHE refuses: negatives and numerators above denominators.

    Missing values (NaN) pass: they give NaN results, as PHE gives NA.
    """
    if np.any(numerator < 0.0):
        raise ValueError("numerators must be greater than or equal to zero")
    if np.any(denominator < 0.0):
        raise ValueError("denominators must be greater than or equal to zero")
    if np.any(numerator > denominator):
        raise ValueError("numerators must be less than or equal to their denominators")


def _wilson_slice(
    x: NDArray, n: NDArray, z: float, value: NDArray, lower: NDArray, upper: NDArray, half: NDArray
) -> None:
    """Fill value, lower and upper for one slice, in place; ``half`` is scratch."""
    z2 = z * z
    np.divide(x, n, out=value)
    # z * sqrt(z^2/4 + x(1 - p)): half the distance between the limits, times (n + z^2).
    np.subtract(1.0, value, out=half)
    half *= x
    half += z2 / 4.0
    np.sqrt(half, out=half)
    half *= z
    # 1 / (n + z^2), held in ``upper`` until the end.
    np.add(n, z2, out=upper)
    np.divide(1.0, upper, out=upper)
    np.add(x, z2 / 2.0, out=lower)
    lower *= upper
    half *= upper
    np.add(lower, half, out=upper)
    lower -= half
    # The exact limits satisfy 0 <= lower <= p <= upper <= 1; keep rounding from breaking that.
    np.maximum(lower, 0.0, out=lower)
    np.minimum(lower, value, out=lower)
    np.minimum(upper, 1.0, out=upper)
    np.maximum(upper, value, out=upper)


def wilson_interval(
    numerator: ArrayLike,
    denominator: ArrayLike,
    confidence: float = 0.95,
    multiplier: float = 1.0,
) -> Interval:
    """Proportion numerator/denominator with Wilson score limits, times ``multiplier``.

    A zero or missing denominator gives NaN for all three; a zero numerator gives a lower
    limit of exactly 0 and a numerator equal to the denominator an upper limit of exactly 1.
    Rounding is not allowed to put the value outside its limits or the limits outside [0, 1].
    Raises ValueError for negative counts and numerators above their denominators.
    """
    shape, (x, n) = aligned_flat(numerator, denominator)
    z = two_sided_z(normalise_confidence(confidence))
    value, lower, upper = np.empty(x.size), np.empty(x.size), np.empty(x.size)
    scratch = np.empty(min(x.size, CHUNK_ROWS))
    with np.errstate(divide="ignore", invalid="ignore"):
        for part in slices(x.size):
            xs, ns = x[part], n[part]
            check_proportion_inputs(xs, ns)
            _wilson_slice(xs, ns, z, value[part], lower[part], upper[part], scratch[: xs.size])
            if multiplier != 1.0:
                for array in (value, lower, upper):
                    array[part] *= multiplier
    return Interval(value.reshape(shape), lower.reshape(shape), upper.reshape(shape))
