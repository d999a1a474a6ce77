import numpy as np
import pytest
from scipy import stats

from wellboard.core.stats.normal import norm_ppf, two_sided_z


def test_matches_scipy_over_a_fine_grid_and_both_tails():
    p = np.concatenate(
        (
            np.linspace(1e-9, 1 - 1e-9, 20_001),
            np.logspace(-300, -1, 600),
            1 - np.logspace(-15, -1, 300),
        )
    )
    expected = stats.norm.ppf(p)
    assert np.allclose(norm_ppf(p), expected, rtol=1e-13, atol=1e-13)


def test_well_known_quantiles():
    # Tables give z(0.975) = 1.959964 and z(0.999) = 3.090232.
    assert two_sided_z(0.95) == pytest.approx(1.959963984540054, rel=1e-15)
    assert two_sided_z(0.998) == pytest.approx(3.090232306167813, rel=1e-15)
    assert norm_ppf(0.5) == 0.0


def test_symmetry():
    p = np.linspace(0.001, 0.499, 499)
    assert np.allclose(norm_ppf(p), -norm_ppf(1 - p), rtol=1e-14)


def test_limits_and_invalid_probabilities():
    out = norm_ppf([0.0, 1.0, -0.1, 1.1, np.nan])
    assert out[0] == -np.inf
    assert out[1] == np.inf
    assert np.isnan(out[2:]).all()


def test_keeps_the_input_shape():
    assert norm_ppf(np.full((3, 4), 0.3)).shape == (3, 4)
