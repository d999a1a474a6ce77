import numpy as np
import pytest
from scipy import stats

from wellboard.core.stats.normal import norm_ppf
from wellboard.core.stats.student_t import incomplete_beta, t_ppf, t_sf

DF = np.array([1, 1.5, 2, 3, 4, 5, 7, 9, 10, 15, 20, 29, 30, 50, 100, 1_000, 1e4, 1e6])
P = np.array(
    [
        1e-8,
        1e-5,
        0.0005,
        0.001,
        0.01,
        0.025,
        0.1,
        0.4,
        0.6,
        0.9,
        0.975,
        0.99,
        0.999,
        0.9995,
        0.99999,
    ]
)


def test_quantile_matches_scipy_over_a_grid():
    df, p = np.meshgrid(DF, P)
    assert np.allclose(t_ppf(p, df), stats.t.ppf(p, df), rtol=1e-8, atol=0)


def test_two_sided_values_for_every_sample_size_up_to_a_thousand():
    df = np.arange(1, 1001)
    for p in (0.975, 0.999):
        assert np.allclose(t_ppf(p, df), stats.t.ppf(p, df), rtol=1e-10, atol=0)


def test_textbook_table_values():
    # Student's t tables: t(0.975; 1) = 12.706, t(0.975; 10) = 2.228, t(0.999; 7) = 4.785.
    assert t_ppf(0.975, 1) == pytest.approx(12.7062047, rel=1e-8)
    assert t_ppf(0.975, 10) == pytest.approx(2.2281389, rel=1e-7)
    assert t_ppf(0.999, 7) == pytest.approx(4.7852896, rel=1e-7)


def test_one_degree_of_freedom_is_cauchy():
    p = np.array([0.6, 0.9, 0.99, 0.9999])
    assert np.allclose(t_ppf(p, 1), np.tan(np.pi * (p - 0.5)), rtol=1e-9)


def test_infinite_degrees_of_freedom_is_normal():
    p = np.array([0.01, 0.3, 0.975])
    assert np.array_equal(t_ppf(p, np.inf), norm_ppf(p))


def test_quantile_inverts_the_tail_probability():
    df = np.array([2.0, 6.0, 25.0])
    t = t_ppf(0.99, df)
    assert np.allclose(t_sf(t, df), 0.01, rtol=1e-12)


def test_symmetry_and_edges():
    assert t_ppf(0.5, 4) == 0.0
    assert t_ppf(0.025, 8) == pytest.approx(-t_ppf(0.975, 8), rel=1e-14)
    assert t_ppf(0.0, 3) == -np.inf
    assert t_ppf(1.0, 3) == np.inf
    assert np.isnan(t_ppf(0.9, 0)) and np.isnan(t_ppf(0.9, np.nan))


def test_tail_probability_matches_scipy():
    df, t = np.meshgrid(DF, np.linspace(-40, 40, 161))
    expected = stats.t.sf(t, df)
    assert np.allclose(t_sf(t, df), expected, rtol=1e-9, atol=1e-300)


def test_incomplete_beta_matches_scipy():
    a, b, x = np.meshgrid([0.5, 1, 3, 40], [0.5, 2, 10], np.linspace(0.001, 0.999, 50))
    assert np.allclose(
        incomplete_beta(a, b, x, 1 - x), stats.beta.cdf(x, a, b), rtol=1e-10, atol=1e-300
    )
