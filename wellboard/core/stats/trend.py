"""Recent trends over the last five data points, as Fingertips marks them.

Source: OHID, Fingertips public health technical guidance, "Trend markers"; the Fingertips
code (PholioVisualisation TrendMarkerCalculator) and PHEindicatormethods
``assign_trend_markers``, which follow it. Both methods test the five most recent,
consecutive, equally spaced points (scored t = 1..5) at 99.8% confidence (chi-squared critical
value 9.5495 on 1 degree of freedom) by default:

- Proportions (``proportion_trend``): the chi-squared test for trend in proportions
  (Cochran-Armitage; Armitage P, "Tests for linear trends in proportions and frequencies",
  Biometrics 11:375-386, 1955), with N = sum n, O = sum x::

      chi2 = N (N sum(x t) - O sum(n t))^2 / (O (N - O) (N sum(n t^2) - sum(n t)^2))

  The direction is the sign of the least-squares slope of logit(x / n) on t.
- Other values with 95% limits (``value_trend``; rates, DSRs, ratios, means): weighted least
  squares of value on t with weights 1 / se^2, se = (upper - lower) / (2 * 1.96);
  chi2 = (slope / se(slope))^2.

A significant trend is only reported when dropping any one of the five points leaves a slope of
the same sign (Fingertips' outlier check); otherwise the marker is "No significant change".
Fewer than five points, or a missing value among the last five, gives "Cannot be calculated".

Choice made here where Fingertips is silent: a point with x = 0 or x = n has no finite logit,
so the direction for such a series uses the empirical logit log((x + 0.5) / (n - x + 0.5)).

Everything is vectorised over series: inputs are 2-D (series x periods) and the six slopes per
series (all points, then each point left out) come from one matrix product. Internally the
five points are the rows, so per-series sums run along long contiguous arrays.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np
from numpy.typing import ArrayLike, NDArray

from wellboard.core.stats.confidence import normalise_confidence
from wellboard.core.stats.gamma import chi2_ppf
from wellboard.core.stats.normal import two_sided_z
from wellboard.core.stats.polarity import Polarity, parse_polarity

POINTS = 5
TIMES = np.arange(1.0, POINTS + 1.0)
DEFAULT_CONFIDENCE = 0.998


class Trend(IntEnum):
    CANNOT_BE_CALCULATED = 0
    NO_SIGNIFICANT_CHANGE = 1
    INCREASING = 2
    DECREASING = 3


@dataclass(frozen=True)
class TrendResult:
    """Per-series trend codes with the statistic and slope behind them (NaN where not tested)."""

    codes: NDArray[np.int8]
    statistic: NDArray[np.float64]
    slope: NDArray[np.float64]


def _last_points(array: ArrayLike) -> NDArray[np.float64]:
    """The last five periods as a (points, series) array: with the five points as rows, every
    per-series sum is an elementwise operation over long contiguous rows."""
    data = np.asarray(array, dtype=np.float64)
    if data.ndim != 2:
        raise ValueError("trend inputs must be 2-D: one row per series, one column per period")
    return np.ascontiguousarray(data[:, -POINTS:].T)


def _ols_slope_weights() -> NDArray[np.float64]:
    """Rows of weights giving the least-squares slope on t for all five points, then with each
    point left out in turn: slopes = weights @ y for y of shape (points, series)."""
    weights = np.zeros((POINTS + 1, POINTS))
    for k in range(POINTS + 1):
        keep = np.ones(POINTS, dtype=bool)
        if k > 0:
            keep[k - 1] = False
        t = TIMES[keep]
        centred = t - t.mean()
        weights[k, keep] = centred / (centred @ centred)
    return weights


_SLOPE_WEIGHTS = _ols_slope_weights()


def _critical_value(confidence: float) -> float:
    return float(chi2_ppf(normalise_confidence(confidence), 1.0))


def _classify(
    usable: NDArray[np.bool_],
    statistic: NDArray[np.float64],
    slopes: NDArray[np.float64],
    confidence: float,
) -> TrendResult:
    """Codes from the statistic and the six slopes per series (row 0: all five points)."""
    slope = slopes[0]
    direction = np.sign(slope)
    steady = np.logical_and.reduce(np.sign(slopes[1:]) == direction, axis=0)
    with np.errstate(invalid="ignore"):
        significant = usable & (statistic > _critical_value(confidence)) & steady
    codes = np.where(usable, Trend.NO_SIGNIFICANT_CHANGE, Trend.CANNOT_BE_CALCULATED)
    codes[significant & (slope > 0)] = Trend.INCREASING
    codes[significant & (slope < 0)] = Trend.DECREASING
    return TrendResult(
        codes.astype(np.int8), np.where(usable, statistic, np.nan), np.where(usable, slope, np.nan)
    )


def _cannot(series: int) -> TrendResult:
    return TrendResult(
        np.zeros(series, dtype=np.int8), np.full(series, np.nan), np.full(series, np.nan)
    )


def proportion_trend(
    numerators: ArrayLike,
    denominators: ArrayLike,
    confidence: float = DEFAULT_CONFIDENCE,
) -> TrendResult:
    """Trend in the last five proportions of each series (rows: series, columns: periods)."""
    x, n = _last_points(numerators), _last_points(denominators)
    if x.shape != n.shape:
        raise ValueError("numerators and denominators must have the same shape")
    if x.shape[0] < POINTS:
        return _cannot(x.shape[1])
    with np.errstate(invalid="ignore"):
        usable = np.logical_and.reduce((n > 0.0) & (x >= 0.0) & (x <= n), axis=0)
    if not usable.all():
        x[:, ~usable] = 0.5
        n[:, ~usable] = 1.0
    total_n, total_x = n.sum(axis=0), x.sum(axis=0)
    sum_xt, sum_nt, sum_nt2 = TIMES @ x, TIMES @ n, (TIMES * TIMES) @ n
    with np.errstate(divide="ignore", invalid="ignore"):
        statistic = (total_n * (total_n * sum_xt - total_x * sum_nt) ** 2) / (
            total_x * (total_n - total_x) * (total_n * sum_nt2 - sum_nt**2)
        )
    failures = n - x
    boundary = np.logical_or.reduce((x == 0.0) | (failures == 0.0), axis=0)
    if boundary.any():
        x[:, boundary] += 0.5
        failures[:, boundary] += 0.5
    logits = np.log(x / failures, out=failures)
    return _classify(usable, statistic, _SLOPE_WEIGHTS @ logits, confidence)


def value_trend(
    values: ArrayLike,
    lower95: ArrayLike,
    upper95: ArrayLike,
    confidence: float = DEFAULT_CONFIDENCE,
) -> TrendResult:
    """Trend in the last five values of each series, weighted by their 95% limits."""
    y, lo, hi = _last_points(values), _last_points(lower95), _last_points(upper95)
    if not y.shape == lo.shape == hi.shape:
        raise ValueError("values and limits must have the same shape")
    if y.shape[0] < POINTS:
        return _cannot(y.shape[1])
    se = (hi - lo) / (2.0 * two_sided_z(0.95))
    with np.errstate(invalid="ignore"):
        usable = np.logical_and.reduce(np.isfinite(y) & (se > 0.0), axis=0)
    if not usable.all():
        y[:, ~usable] = 0.0
        se[:, ~usable] = 1.0
    w = 1.0 / (se * se)
    t = TIMES[:, None]
    # Per-point terms of the five weighted sums; each total minus one point's term gives the
    # sum with that point left out.
    terms = np.stack((w, w * y * t, w * t, w * y, w * t * t))
    full = terms.sum(axis=1, keepdims=True)
    s1, s2, s3, s4, s5 = np.concatenate((full, full - terms), axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        determinant = s1 * s5 - s3 * s3
        slopes = (s1 * s2 - s3 * s4) / determinant
        statistic = slopes[0] ** 2 * determinant[0] / s1[0]
    return _classify(usable, statistic, slopes, confidence)


def trend_labels(codes: ArrayLike, polarity: Polarity | str | None = None) -> NDArray[np.str_]:
    """Fingertips' words for trend codes; a polarity adds "and getting better/worse"."""
    direction = parse_polarity(polarity)
    increasing, decreasing = "Increasing", "Decreasing"
    if direction is Polarity.HIGHER_IS_BETTER:
        increasing += " and getting better"
        decreasing += " and getting worse"
    elif direction is Polarity.LOWER_IS_BETTER:
        increasing += " and getting worse"
        decreasing += " and getting better"
    words = np.array(("Cannot be calculated", "No significant change", increasing, decreasing))
    return words[np.asarray(codes, dtype=np.intp)]
