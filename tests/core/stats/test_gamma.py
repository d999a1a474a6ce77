import math
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

from wellboard.core.stats.gamma import (
    chi2_ppf,
    chi2_sf,
    gamma_ppf,
    log_gamma_ratio,
    regularised_gamma,
)

SHAPES = np.array([0.05, 0.5, 1, 2, 3, 5, 9, 10, 11, 29.9, 30, 100, 1_000, 10_000])
PROBABILITIES = np.array(
    [1e-10, 1e-6, 0.0005, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999, 0.9995, 1 - 1e-8]
)


def test_quantile_matches_scipy_over_a_grid():
    a, p = np.meshgrid(SHAPES, PROBABILITIES)
    assert np.allclose(gamma_ppf(p, a), stats.gamma.ppf(p, a), rtol=1e-10, atol=0)


def test_incomplete_gamma_matches_scipy_in_both_tails():
    a, x = np.meshgrid(SHAPES, np.logspace(-4, 5, 300))
    lower, upper = regularised_gamma(a, x)
    expected_lower, expected_upper = stats.gamma.cdf(x, a), stats.gamma.sf(x, a)
    keep = expected_lower > 1e-300
    assert np.allclose(lower[keep], expected_lower[keep], rtol=1e-10, atol=0)
    keep = expected_upper > 1e-300
    assert np.allclose(upper[keep], expected_upper[keep], rtol=1e-10, atol=0)


def test_shape_one_is_the_exponential_distribution():
    # P(1, x) = 1 - exp(-x), so the quantile is -log(1 - p): no SciPy needed to know it.
    p = np.array([0.001, 0.025, 0.5, 0.975, 0.999])
    assert np.allclose(gamma_ppf(p, 1.0), -np.log1p(-p), rtol=1e-13)


def test_integer_shape_is_a_poisson_tail():
    # For whole a, Q(a, x) = P(Poisson(x) <= a - 1) = exp(-x) * sum(x^j / j!, j < a).
    x = 3.7
    for a in range(1, 8):
        poisson_cdf = np.exp(-x) * sum(x**j / np.prod(np.arange(1, j + 1)) for j in range(a))
        assert regularised_gamma(a, x)[1] == pytest.approx(poisson_cdf, rel=1e-13)


def test_shape_zero_and_edge_probabilities():
    assert gamma_ppf(0.025, 0.0) == 0.0
    assert gamma_ppf(0.0, 4.0) == 0.0
    assert gamma_ppf(1.0, 4.0) == np.inf
    assert np.isnan(gamma_ppf(0.5, -1.0))


def test_chi_squared_critical_values():
    # The 1-df critical values Fingertips uses: 3.841 (95%) and 9.5495 (99.8%).
    assert chi2_ppf(0.95, 1) == pytest.approx(3.841458820694124, rel=1e-12)
    assert chi2_ppf(0.998, 1) == pytest.approx(9.549535706083, rel=1e-11)
    assert chi2_sf(3.841458820694124, 1) == pytest.approx(0.05, rel=1e-12)


def test_chi_squared_matches_scipy():
    df, x = np.meshgrid([1, 2, 5, 10, 40], np.linspace(0.01, 60, 200))
    assert np.allclose(chi2_sf(x, df), stats.chi2.sf(x, df), rtol=1e-10, atol=1e-300)


def test_log_gamma_ratio_is_precise_for_large_arguments():
    # For whole n, Gamma(n + 1/2) / Gamma(n) = C(2n, n) * n * sqrt(pi) / 4^n exactly; with
    # integer arithmetic that ratio is known to full precision however large n is.
    for n in (3, 29, 30, 100, 1_000, 10_000):
        exact = math.log(float(Fraction(math.comb(2 * n, n) * n, 4**n))) + 0.5 * math.log(math.pi)
        assert log_gamma_ratio(float(n), 0.5) == pytest.approx(exact, rel=1e-14)
