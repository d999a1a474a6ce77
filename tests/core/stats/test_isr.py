import numpy as np
import pytest

from wellboard.core.stats.isr import indirectly_standardised_ratio, standardised_ratio
from wellboard.core.stats.rates import byars_lower, byars_upper, exact_poisson_limits


def test_hand_worked_ratio():
    # Reference rates 10/1,000 and 500/10,000 (0.01 and 0.05) applied to local populations of
    # 1,000 and 200 give 10 + 10 = 20 expected events; 30 observed -> ratio 1.5, or 150 as an
    # SMR per 100. Limits: Byar's limits of 30 divided by 20.
    result = indirectly_standardised_ratio(
        ["area", "area"], [12, 18], [1000, 200], [10, 500], [1000, 10_000], 0.95, 100
    )
    assert result.value[0] == pytest.approx(150.0, rel=1e-14)
    assert result.lower[0] == pytest.approx(byars_lower(30) / 20 * 100, rel=1e-14)
    assert result.upper[0] == pytest.approx(byars_upper(30) / 20 * 100, rel=1e-14)


def test_small_observed_counts_use_exact_limits():
    lower, upper = exact_poisson_limits(4, 0.998)
    value, low, high = standardised_ratio(4, 2.5, 0.998)
    assert value == 1.6
    assert (low, high) == pytest.approx((lower / 2.5, upper / 2.5), rel=1e-14)


def test_zero_expected_gives_nan():
    assert np.isnan(standardised_ratio(3, 0).value)


def test_groups_are_separate():
    # Two age bands per area; the reference rate is 1 per 100 in both bands.
    result = indirectly_standardised_ratio(
        ["b", "a", "b", "a"], [5, 10, 5, 10], [100, 100, 100, 100], [1, 1, 1, 1], [100] * 4
    )
    assert list(result.groups) == ["a", "b"]
    # Each group expects 1 + 1 = 2 events: a observes 20 (ratio 10), b observes 10 (ratio 5).
    assert result.value == pytest.approx([10.0, 5.0])
