"""Gamma and chi-squared distribution functions, without SciPy.

Used for the exact Poisson confidence limits of small counts: PHEindicatormethods (R/Rates.R)
writes them ``qchisq(alpha/2, 2*O)/2`` and ``qchisq(1 - alpha/2, 2*O + 2)/2``, which are the
gamma quantiles with shapes O and O + 1 (Armitage P, Berry G, Statistical methods in medical
research, 4th edn, 2002).

Methods, as in Press et al., Numerical Recipes (3rd edn, 2007), section 6.2:
- the regularised incomplete gamma functions P(a, x) and Q(a, x) by their power series when
  x < a + 1 and by the Legendre continued fraction (modified Lentz) otherwise;
- the quantile by Halley's method on P (or on Q in the upper half, so that upper-tail
  quantiles keep full relative precision), started from the Wilson-Hilferty approximation
  for a > 1 and from the small-x series for a <= 1.
All functions are elementwise over NumPy arrays.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from wellboard.core.stats.normal import norm_ppf

_EPS = 1e-15
_TINY = 1e-300
_MAX_TERMS = 10_000
_MAX_HALLEY = 100

_lgamma_elementwise = np.frompyfunc(math.lgamma, 1, 1)


def log_gamma(a: ArrayLike) -> NDArray[np.float64]:
    """log(Gamma(a)) elementwise for a > 0, evaluated once per distinct value."""
    arr = np.asarray(a, dtype=np.float64)
    unique, inverse = np.unique(arr, return_inverse=True)
    values = np.asarray(_lgamma_elementwise(unique), dtype=np.float64)
    return values[inverse].reshape(arr.shape)


def _stirling_tail(z: NDArray) -> NDArray:
    """log(Gamma(z)) minus its Stirling approximation; good to 1e-16 for z >= 30."""
    r = 1.0 / z
    r2 = r * r
    return r * (1.0 / 12.0 - r2 * (1.0 / 360.0 - r2 * (1.0 / 1260.0 - r2 / 1680.0)))


def log_gamma_ratio(a: ArrayLike, b: ArrayLike) -> NDArray[np.float64]:
    """log(Gamma(a + b) / Gamma(a)) elementwise, without cancellation when a is large.

    For a >= 30 the two Stirling series are subtracted term by term, so the result keeps its
    relative precision where lgamma(a + b) - lgamma(a) would lose about log10(a) digits.
    """
    aa, bb = np.broadcast_arrays(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64))
    out = np.empty(aa.shape)
    large = aa >= 30.0
    al, bl = aa[large], bb[large]
    out[large] = (
        (al - 0.5) * np.log1p(bl / al)
        + bl * np.log(al + bl)
        - bl
        + _stirling_tail(al + bl)
        - _stirling_tail(al)
    )
    small = ~large
    out[small] = log_gamma(aa[small] + bb[small]) - log_gamma(aa[small])
    return out


def _log_prefactor(a: NDArray, x: NDArray) -> NDArray:
    """log(x**a * exp(-x) / Gamma(a)), the common factor of both expansions.

    For large a it is rewritten around x = a with Stirling's series, which avoids subtracting
    numbers of size a*log(a) from each other.
    """
    out = np.empty(a.shape)
    large = a >= 30.0
    al, xl = a[large], x[large]
    d = (xl - al) / al
    # log(x / a): log1p keeps precision near x = a, a plain log elsewhere.
    log_ratio = np.where(np.abs(d) < 0.5, np.log1p(d), np.log(xl) - np.log(al))
    out[large] = al * (log_ratio - d) + 0.5 * np.log(al / (2.0 * np.pi)) - _stirling_tail(al)
    small = ~large
    out[small] = a[small] * np.log(x[small]) - x[small] - log_gamma(a[small])
    return out


def _series_p(a: NDArray, x: NDArray) -> NDArray:
    """P(a, x) by its power series; converges quickly for x < a + 1."""
    term = 1.0 / a
    total = term.copy()
    denom = a.copy()
    active = np.ones(a.shape, dtype=bool)
    for _ in range(_MAX_TERMS):
        denom[active] += 1.0
        term[active] *= x[active] / denom[active]
        total[active] += term[active]
        active &= np.abs(term) > np.abs(total) * _EPS
        if not active.any():
            break
    return total * np.exp(_log_prefactor(a, x))


def _continued_fraction_q(a: NDArray, x: NDArray) -> NDArray:
    """Q(a, x) by its continued fraction (modified Lentz); converges for x >= a + 1."""
    b = x + 1.0 - a
    c = np.full(a.shape, 1.0 / _TINY)
    d = 1.0 / b
    h = d.copy()
    active = np.ones(a.shape, dtype=bool)
    for i in range(1, _MAX_TERMS):
        an = -i * (i - a)
        b = b + 2.0
        d = an * d + b
        d = np.where(np.abs(d) < _TINY, _TINY, d)
        c = b + an / c
        c = np.where(np.abs(c) < _TINY, _TINY, c)
        d = 1.0 / d
        delta = d * c
        h = np.where(active, h * delta, h)
        active &= np.abs(delta - 1.0) > _EPS
        if not active.any():
            break
    return np.exp(_log_prefactor(a, x)) * h


def regularised_gamma(a: ArrayLike, x: ArrayLike) -> tuple[NDArray[np.float64], NDArray]:
    """Return (P(a, x), Q(a, x)), the lower and upper regularised incomplete gamma functions.

    Each is computed directly (not as 1 minus the other) so that both tails keep their
    relative precision. a = 0 is the degenerate distribution at zero.
    """
    aa, xx = np.broadcast_arrays(np.asarray(a, dtype=np.float64), np.asarray(x, dtype=np.float64))
    p = np.full(aa.shape, np.nan)
    q = np.full(aa.shape, np.nan)
    valid = (aa >= 0.0) & (xx >= 0.0)
    at_zero = valid & ((xx == 0.0) | (aa == 0.0))
    p[at_zero] = np.where(aa[at_zero] == 0.0, 1.0, 0.0)
    q[at_zero] = 1.0 - p[at_zero]
    inner = valid & ~at_zero
    series = inner & (xx < aa + 1.0)
    fraction = inner & ~series
    if series.any():
        p[series] = _series_p(aa[series], xx[series])
        q[series] = 1.0 - p[series]
    if fraction.any():
        q[fraction] = _continued_fraction_q(aa[fraction], xx[fraction])
        p[fraction] = 1.0 - q[fraction]
    return p, q


def _initial_guess(p: NDArray, a: NDArray) -> NDArray:
    """Starting values for the quantile search (Numerical Recipes 3rd edn, Gamma::invgammp)."""
    large = a > 1.0
    guess = np.empty_like(p)
    if large.any():
        al = a[large]
        z = norm_ppf(p[large])
        wilson_hilferty = al * (1.0 - 1.0 / (9.0 * al) + z / (3.0 * np.sqrt(al))) ** 3
        guess[large] = np.maximum(1e-3, wilson_hilferty)
    small = ~large
    if small.any():
        asm, psm = a[small], p[small]
        t = 1.0 - asm * (0.253 + asm * 0.12)
        below = psm < t
        with np.errstate(divide="ignore", invalid="ignore"):
            guess[small] = np.where(
                below,
                (psm / t) ** (1.0 / asm),
                1.0 - np.log1p(-(psm - t) / (1.0 - t)),
            )
    return guess


def gamma_ppf(p: ArrayLike, a: ArrayLike) -> NDArray[np.float64]:
    """Quantile of the gamma distribution with shape a and unit scale, elementwise.

    Shape 0 gives 0 (the limit PHE relies on for a zero count's lower bound).
    """
    pp, aa = np.broadcast_arrays(np.asarray(p, dtype=np.float64), np.asarray(a, dtype=np.float64))
    out = np.full(pp.shape, np.nan)
    out[(aa == 0.0) & (pp >= 0.0) & (pp <= 1.0)] = 0.0
    out[(aa > 0.0) & (pp == 0.0)] = 0.0
    out[(aa > 0.0) & (pp == 1.0)] = np.inf
    todo = (aa > 0.0) & (pp > 0.0) & (pp < 1.0)
    if todo.any():
        out[todo] = _solve_gamma(pp[todo], aa[todo])
    return out


def _solve_gamma(p: NDArray, a: NDArray) -> NDArray:
    upper = p > 0.5
    q = 1.0 - p
    x = _initial_guess(p, a)
    active = np.ones(p.shape, dtype=bool)
    for _ in range(_MAX_HALLEY):
        xa, aa = x[active], a[active]
        lower_p, upper_q = regularised_gamma(aa, xa)
        # P(a, x) - p, taken from whichever tail is computed accurately.
        err = np.where(upper[active], q[active] - upper_q, lower_p - p[active])
        density = np.exp(_log_prefactor(aa, xa)) / xa
        u = err / density
        step = u / (1.0 - 0.5 * np.minimum(1.0, u * ((aa - 1.0) / xa - 1.0)))
        new_x = xa - step
        new_x = np.where(new_x <= 0.0, 0.5 * xa, new_x)
        x[active] = new_x
        still = np.abs(step) > 1e-14 * new_x
        active[active] = still
        if not active.any():
            break
    return x


def chi2_ppf(p: ArrayLike, df: ArrayLike) -> NDArray[np.float64]:
    """Quantile of the chi-squared distribution: twice the gamma quantile of shape df/2."""
    return 2.0 * gamma_ppf(p, np.asarray(df, dtype=np.float64) / 2.0)


def chi2_sf(x: ArrayLike, df: ArrayLike) -> NDArray[np.float64]:
    """Upper-tail probability of the chi-squared distribution, Q(df/2, x/2)."""
    df_arr = np.asarray(df, dtype=np.float64)
    return regularised_gamma(df_arr / 2.0, np.asarray(x, dtype=np.float64) / 2.0)[1]
