"""The standard normal quantile, without SciPy.

Method: Wichura's algorithm AS 241 (PPND16), "The percentage points of the normal
distribution", Applied Statistics 37(3):477-484, 1988. It is accurate to about one part in
10**16 and is the algorithm behind R's ``qnorm``, which PHEindicatormethods uses to turn a
confidence level into a z value; using the same algorithm keeps the limits identical.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

# Rational approximation for |p - 0.5| <= 0.425 (coefficients from AS 241).
_A = (
    3.3871328727963666080e0,
    1.3314166789178437745e2,
    1.9715909503065514427e3,
    1.3731693765509461125e4,
    4.5921953931549871457e4,
    6.7265770927008700853e4,
    3.3430575583588128105e4,
    2.5090809287301226727e3,
)
_B = (
    1.0,
    4.2313330701600911252e1,
    6.8718700749205790830e2,
    5.3941960214247511077e3,
    2.1213794301586595867e4,
    3.9307895800092710610e4,
    2.8729085735721942674e4,
    5.2264952788528545610e3,
)
# Intermediate tail, r = sqrt(-log(min(p, 1 - p))) <= 5.
_C = (
    1.42343711074968357734e0,
    4.63033784615654529590e0,
    5.76949722146069140550e0,
    3.64784832476320460504e0,
    1.27045825245236838258e0,
    2.41780725177450611770e-1,
    2.27238449892691845833e-2,
    7.74545014278341407640e-4,
)
_D = (
    1.0,
    2.05319162663775882187e0,
    1.67638483018380384940e0,
    6.89767334985100004550e-1,
    1.48103976427480074590e-1,
    1.51986665636164571966e-2,
    5.47593808499534494600e-4,
    1.05075007164441684324e-9,
)
# Far tail, r > 5.
_E = (
    6.65790464350110377720e0,
    5.46378491116411436990e0,
    1.78482653991729133580e0,
    2.96560571828504891230e-1,
    2.65321895265761230930e-2,
    1.24266094738807843860e-3,
    2.71155556874348757815e-5,
    2.01033439929228813265e-7,
)
_F = (
    1.0,
    5.99832206555887937690e-1,
    1.36929880922735805310e-1,
    1.48753612908506148525e-2,
    7.86869131145613259100e-4,
    1.84631831751005468180e-5,
    1.42151175831644588870e-7,
    2.04426310338993978564e-15,
)


def _ratio(num: tuple[float, ...], den: tuple[float, ...], r: NDArray[np.float64]) -> NDArray:
    """Evaluate num(r) / den(r) by Horner's rule, coefficients lowest power first."""
    top = np.full_like(r, num[-1])
    bottom = np.full_like(r, den[-1])
    for a, b in zip(num[-2::-1], den[-2::-1], strict=True):
        top = top * r + a
        bottom = bottom * r + b
    return top / bottom


def norm_ppf(p: ArrayLike) -> NDArray[np.float64]:
    """Quantile of the standard normal distribution (inverse CDF), elementwise.

    p = 0 and p = 1 give -inf and +inf; p outside [0, 1] or NaN gives NaN.
    """
    prob = np.asarray(p, dtype=np.float64)
    q = prob - 0.5
    out = np.full(prob.shape, np.nan)
    central = np.abs(q) <= 0.425
    if central.any():
        qc = q[central]
        out[central] = qc * _ratio(_A, _B, 0.180625 - qc * qc)
    tails = (~central) & (prob > 0.0) & (prob < 1.0)
    if tails.any():
        pt = prob[tails]
        r = np.sqrt(-np.log(np.minimum(pt, 1.0 - pt)))
        near = r <= 5.0
        value = np.empty_like(r)
        value[near] = _ratio(_C, _D, r[near] - 1.6)
        value[~near] = _ratio(_E, _F, r[~near] - 5.0)
        out[tails] = np.where(q[tails] < 0.0, -value, value)
    out[prob == 0.0] = -np.inf
    out[prob == 1.0] = np.inf
    return out


def two_sided_z(confidence: float) -> float:
    """The z value whose central interval has the given coverage (0.95 -> 1.959963...).

    Written as PHEindicatormethods writes it, ``qnorm(confidence + (1 - confidence) / 2)``,
    so that the floating-point input to the quantile is the same.
    """
    return float(norm_ppf(confidence + (1.0 - confidence) / 2.0))
