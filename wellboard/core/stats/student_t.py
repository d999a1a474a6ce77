"""Student's t distribution functions, without SciPy.

PHEindicatormethods (R/Means.R) gives a mean's limits as
mean -/+ |qt((1 - c)/2, n - 1)| * s/sqrt(n), so the engine needs the t quantile for any
degrees of freedom.

Methods:
- the upper tail, P(T > t) = I_x(df/2, 1/2) / 2 with x = df / (df + t**2), from the regularised
  incomplete beta function evaluated by its continued fraction (modified Lentz), as in Press et
  al., Numerical Recipes (3rd edn, 2007), section 6.4;
- the quantile starts from the closed forms for 1 and 2 degrees of freedom and otherwise from the
  Cornish-Fisher expansion in the normal quantile (Abramowitz and Stegun 26.7.5), then Newton's
  method on log P(T > t), which keeps relative precision far into the tail.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from wellboard.core.stats.gamma import log_gamma, log_gamma_ratio
from wellboard.core.stats.normal import norm_ppf

_EPS = 1e-15
_TINY = 1e-300
_MAX_TERMS = 10_000
_MAX_NEWTON = 200


def _beta_continued_fraction(a: NDArray, b: NDArray, x: NDArray) -> NDArray:
    """Continued fraction for I_x(a, b); converges fast for x < (a + 1) / (a + b + 2)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = np.ones_like(x)
    d = 1.0 - qab * x / qap
    d = 1.0 / np.where(np.abs(d) < _TINY, _TINY, d)
    h = d.copy()
    active = np.ones(x.shape, dtype=bool)
    for m in range(1, _MAX_TERMS):
        m2 = 2.0 * m
        for aa in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1.0 + aa * d
            d = 1.0 / np.where(np.abs(d) < _TINY, _TINY, d)
            c = 1.0 + aa / c
            c = np.where(np.abs(c) < _TINY, _TINY, c)
            delta = d * c
            h = np.where(active, h * delta, h)
        active &= np.abs(delta - 1.0) > _EPS
        if not active.any():
            break
    return h


def incomplete_beta(a: ArrayLike, b: ArrayLike, x: ArrayLike, y: ArrayLike) -> NDArray:
    """Regularised incomplete beta I_x(a, b), with y = 1 - x passed in to avoid cancellation."""
    aa, bb, xx, yy = np.broadcast_arrays(*(np.asarray(v, dtype=np.float64) for v in (a, b, x, y)))
    out = np.where(xx <= 0.0, 0.0, np.where(yy <= 0.0, 1.0, np.nan))
    inner = (xx > 0.0) & (yy > 0.0)
    if not inner.any():
        return out
    ai, bi, xi, yi = aa[inner], bb[inner], xx[inner], yy[inner]
    # log(1 / B(a, b)), with the larger argument paired in the ratio to avoid cancellation.
    big, little = np.maximum(ai, bi), np.minimum(ai, bi)
    with np.errstate(divide="ignore"):
        log_x = np.where(xi > 0.5, np.log1p(-yi), np.log(xi))
        log_y = np.where(yi > 0.5, np.log1p(-xi), np.log(yi))
    log_front = log_gamma_ratio(big, little) - log_gamma(little) + ai * log_x + bi * log_y
    direct = xi < (ai + 1.0) / (ai + bi + 2.0)
    value = np.empty_like(xi)
    if direct.any():
        cf = _beta_continued_fraction(ai[direct], bi[direct], xi[direct])
        value[direct] = np.exp(log_front[direct]) * cf / ai[direct]
    flipped = ~direct
    if flipped.any():
        cf = _beta_continued_fraction(bi[flipped], ai[flipped], yi[flipped])
        value[flipped] = 1.0 - np.exp(log_front[flipped]) * cf / bi[flipped]
    out[inner] = value
    return out


def t_sf(t: ArrayLike, df: ArrayLike) -> NDArray[np.float64]:
    """P(T > t) for Student's t with df degrees of freedom, elementwise."""
    tt, nu = np.broadcast_arrays(np.asarray(t, dtype=np.float64), np.asarray(df, dtype=np.float64))
    t2 = tt * tt
    half_tail = 0.5 * incomplete_beta(nu / 2.0, 0.5, nu / (nu + t2), t2 / (nu + t2))
    return np.where(tt >= 0.0, half_tail, 1.0 - half_tail)


def _log_pdf(t: NDArray, nu: NDArray) -> NDArray:
    return (
        log_gamma_ratio(nu / 2.0, 0.5)
        - 0.5 * np.log(nu * np.pi)
        - (nu + 1.0) / 2.0 * np.log1p(t * t / nu)
    )


def _cornish_fisher(z: NDArray, nu: NDArray) -> NDArray:
    """Abramowitz and Stegun 26.7.5: t quantile as a series in 1/df around the normal one."""
    z2 = z * z
    g1 = z * (z2 + 1.0) / 4.0
    g2 = z * ((5.0 * z2 + 16.0) * z2 + 3.0) / 96.0
    g3 = z * (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) / 384.0
    g4 = z * ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) / 92160.0
    return z + g1 / nu + g2 / nu**2 + g3 / nu**3 + g4 / nu**4


def _upper_quantile(q: NDArray, nu: NDArray) -> NDArray:
    """The t > 0 with P(T > t) = q, for 0 < q < 1/2."""
    t = np.maximum(_cornish_fisher(norm_ppf(1.0 - q), nu), 0.0)
    one = nu == 1.0
    t[one] = 1.0 / np.tan(np.pi * q[one])  # cot(pi q), exact for the Cauchy case
    two = nu == 2.0
    t[two] = (1.0 - 2.0 * q[two]) / np.sqrt(2.0 * q[two] * (1.0 - q[two]))
    active = ~(one | two)
    log_q = np.log(q)
    for _ in range(_MAX_NEWTON):
        if not active.any():
            break
        ta, na = t[active], nu[active]
        sf = t_sf(ta, na)
        # Newton on log(sf): d/dt log sf = -pdf / sf.
        step = (np.log(sf) - log_q[active]) * sf / np.exp(_log_pdf(ta, na))
        new_t = np.maximum(ta + step, 0.5 * ta)
        t[active] = new_t
        active[active] = np.abs(new_t - ta) > 1e-14 * np.maximum(new_t, 1e-300)
    return t


def t_ppf(p: ArrayLike, df: ArrayLike) -> NDArray[np.float64]:
    """Quantile of Student's t distribution, elementwise; df may be any positive number.

    Infinite df gives the normal quantile; p outside (0, 1) or df <= 0 gives NaN.
    """
    pp, nu = np.broadcast_arrays(np.asarray(p, dtype=np.float64), np.asarray(df, dtype=np.float64))
    out = np.full(pp.shape, np.nan)
    ok = (pp > 0.0) & (pp < 1.0) & (nu > 0.0)
    normal = ok & np.isinf(nu)
    out[normal] = norm_ppf(pp[normal])
    finite = ok & ~np.isinf(nu)
    out[finite & (pp == 0.5)] = 0.0
    tails = finite & (pp != 0.5)
    if tails.any():
        pt = pp[tails]
        tail_prob = np.minimum(pt, 1.0 - pt)
        magnitude = _upper_quantile(tail_prob, nu[tails].copy())
        out[tails] = np.where(pt > 0.5, magnitude, -magnitude)
    out[(nu > 0.0) & (pp == 0.0)] = -np.inf
    out[(nu > 0.0) & (pp == 1.0)] = np.inf
    return out
