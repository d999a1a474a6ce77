import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from wellboard.core.stats.rates import (
    byars_lower,
    byars_upper,
    crude_rate,
    exact_poisson_limits,
    poisson_limits,
)


def test_hand_worked_byars_for_65_events():
    # z = 1.959964; 1/(9*65) = 0.0017094; z/(3*sqrt(65)) = 1.959964/24.186773 = 0.0810345;
    # f = 1 - 0.0017094 - 0.0810345 = 0.9172561; 65 * f^3 = 50.163.
    assert byars_lower(65) == pytest.approx(50.163, abs=5e-4)
    # (O + 1) = 66: 1/594 = 0.0016835; z/(3*sqrt(66)) = 0.0804172; f = 1.0787337;
    # 66 * f^3 = 82.849.
    assert byars_upper(65) == pytest.approx(82.849, abs=5e-4)


def test_hand_worked_exact_limits_for_no_events():
    # Lower: qchisq(0.025, 0)/2 = 0. Upper: the shape-1 gamma quantile, -log(0.025) = log(40).
    lower, upper = exact_poisson_limits(0)
    assert lower == 0.0
    assert upper == pytest.approx(math.log(40), rel=1e-14)


def test_exact_limits_match_scipy_chi_squared():
    counts = np.arange(0, 30)
    for confidence in (0.9, 0.95, 0.998):
        alpha = 1 - confidence
        lower, upper = exact_poisson_limits(counts, confidence)
        expected_lower = stats.chi2.ppf(alpha / 2, 2 * counts) / 2
        expected_upper = stats.chi2.ppf(1 - alpha / 2, 2 * counts + 2) / 2
        assert np.allclose(lower, np.nan_to_num(expected_lower), rtol=1e-12, atol=0)
        assert np.allclose(upper, expected_upper, rtol=1e-12, atol=0)


# Source: PHEindicatormethods testdata_Rate.xlsx (sheets testdata_Rate, testdata_Rate_g) and
# testdata_Byars_Wilson.xlsx (sheet testdata_B_W): published expected outputs.
PHE_RATES = [
    # numerator, denominator, confidence, multiplier, lower, upper (method)
    (1, 100, 0.95, 100, 0.025317807984289897, 5.571643390938898),  # exact
    (1, 100, 0.998, 100, 0.0010005003335835344, 9.233413476451585),  # exact
    (5, 100, 0.95, 100, 1.62348639011842, 11.668332079322669),  # exact
    (5, 100, 0.998, 100, 0.739371731917839, 16.454745203680105),  # exact
    (20, 100, 0.95, 100, 12.211428834875937, 30.889880369197066),  # Byar's
    (2, 200, 0.95, 100_000, 121.10463927198258, 3612.3438338619794),  # exact
    (250, 220, 0.95, 100_000, 99984.94738532876, 128631.14487455782),  # Byar's
    (250, 220, 0.998, 100_000, 92710.00554438953, 137651.23772147458),  # Byar's
]


@pytest.mark.parametrize(("x", "n", "confidence", "multiplier", "lower", "upper"), PHE_RATES)
def test_phe_published_rates(x, n, confidence, multiplier, lower, upper):
    value, low, high = crude_rate(x, n, confidence, multiplier)
    assert value == pytest.approx(x / n * multiplier, rel=1e-15)
    assert low == pytest.approx(lower, rel=1e-12)
    assert high == pytest.approx(upper, rel=1e-12)


PHE_BYARS = [
    # count, confidence, lower, upper
    (65, 0.95, 50.163187710459454, 82.84913854593984),
    (1045, 0.95, 982.5932018073325, 1110.33121298565),
    (1, 0.95, 0.01307213290150435, 5.5637555824752605),
    (1045, 0.998, 947.9407035610374, 1148.806160988033),
    (10, 0.998, 2.916318374695686, 24.193724927880535),
]


@pytest.mark.parametrize(("count", "confidence", "lower", "upper"), PHE_BYARS)
def test_phe_published_byars_limits(count, confidence, lower, upper):
    assert byars_lower(count, confidence) == pytest.approx(lower, rel=1e-12)
    assert byars_upper(count, confidence) == pytest.approx(upper, rel=1e-12)


def test_byars_lower_limit_that_would_be_negative_is_missing():
    # testdata_Byars_Wilson.xlsx: one event at 99.8% has no lower limit, upper 9.362180217908362.
    assert np.isnan(byars_lower(1, 0.998))
    assert byars_upper(1, 0.998) == pytest.approx(9.362180217908362, rel=1e-12)


def test_small_counts_use_exact_limits_and_others_byars():
    counts = np.arange(0, 15, dtype=float)
    lower, upper = poisson_limits(counts)
    exact_lower, exact_upper = exact_poisson_limits(counts)
    assert np.array_equal(lower[:10], exact_lower[:10])
    assert np.array_equal(upper[:10], exact_upper[:10])
    assert np.array_equal(lower[10:], byars_lower(counts[10:]))
    assert np.array_equal(upper[10:], byars_upper(counts[10:]))


def test_fractional_small_counts_get_exact_limits_too():
    lower, upper = poisson_limits([2.5, 2.0])
    expected = exact_poisson_limits([2.5, 2.0])
    assert np.array_equal(lower, expected[0]) and np.array_equal(upper, expected[1])
    assert lower[0] > lower[1]


def test_limits_rise_with_the_count_across_the_exact_byars_boundary():
    lower, upper = poisson_limits(np.arange(0, 2000, dtype=float), 0.95)
    assert np.all(np.diff(lower) > 0) and np.all(np.diff(upper) > 0)
    lower, upper = poisson_limits(np.arange(0, 2000, dtype=float), 0.998)
    assert np.all(np.diff(lower) > 0) and np.all(np.diff(upper) > 0)


def test_missing_and_zero_denominators_give_nan_and_missing_counts_too():
    value, lower, upper = crude_rate([5, 5, np.nan, 0], [0, np.nan, 100, 0])
    assert np.isnan(value).all() and np.isnan(lower).all() and np.isnan(upper).all()


def test_zero_events_in_a_population():
    value, lower, upper = crude_rate(0, 1000, multiplier=1000)
    assert value == 0 and lower == 0
    assert upper == pytest.approx(math.log(40), rel=1e-14)


def test_refuses_negative_counts_and_populations():
    with pytest.raises(ValueError, match="counts"):
        crude_rate(-1, 100)
    with pytest.raises(ValueError, match="denominators"):
        crude_rate(1, -100)
    with pytest.raises(ValueError, match="counts"):
        poisson_limits([3, -2])


def test_long_arrays_equal_element_by_element_results():
    rng = np.random.default_rng(3)
    counts = rng.integers(0, 40, 80_000).astype(float)
    populations = rng.integers(100, 10_000, counts.size).astype(float)
    _, lower, upper = crude_rate(counts, populations, 0.95, 1.0)
    for i in rng.integers(0, counts.size, 40):
        lo, hi = poisson_limits(counts[i])
        assert lower[i] == pytest.approx(lo / populations[i], rel=1e-14)
        assert upper[i] == pytest.approx(hi / populations[i], rel=1e-14)


@settings(deadline=None)  # timing varies on a shared machine
@given(st.integers(0, 10_000_000), st.integers(1, 100_000_000))
def test_limits_bracket_the_rate(x, n):
    value, lower, upper = crude_rate(x, n)
    assert lower <= value <= upper


@settings(deadline=None)  # timing varies on a shared machine
@given(st.integers(0, 10_000_000))
def test_the_998_interval_contains_the_95_interval(x):
    lower95, upper95 = poisson_limits(x, 0.95)
    lower998, upper998 = poisson_limits(x, 0.998)
    assert lower998 <= lower95 and upper95 <= upper998


@settings(deadline=None)  # timing varies on a shared machine
@given(st.integers(0, 1_000_000), st.integers(1, 1_000_000), st.integers(2, 100))
def test_interval_narrows_as_the_population_grows_at_a_fixed_rate(x, n, k):
    _, lower, upper = crude_rate(x, n)
    _, lower_k, upper_k = crude_rate(k * x, k * n)
    assert upper_k - lower_k < upper - lower
