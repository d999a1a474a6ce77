import numpy as np
import pytest

from wellboard.core.stats.gamma import chi2_ppf
from wellboard.core.stats.trend import (
    Trend,
    proportion_trend,
    trend_labels,
    value_trend,
)

# A falling proportion (the example in PHEindicatormethods' assign_trend_markers help).
COUNTS = np.array([[1367, 1332, 1199, 1023, 994]], dtype=float)
DENOMINATORS = np.array([[44701, 44064, 42811, 41527, 40299]], dtype=float)


def armitage_by_weighted_regression(x: np.ndarray, n: np.ndarray) -> float:
    """R's prop.trend.test route: regress x/n on the scores with weights n / (p (1 - p));
    the regression sum of squares is the chi-squared statistic."""
    t = np.arange(1.0, 6.0)
    p = x.sum() / n.sum()
    w = n / (p * (1 - p))
    t_bar = (w * t).sum() / w.sum()
    y = x / n
    y_bar = (w * y).sum() / w.sum()
    slope = (w * (t - t_bar) * (y - y_bar)).sum() / (w * (t - t_bar) ** 2).sum()
    return float(slope**2 * (w * (t - t_bar) ** 2).sum())


def test_statistic_matches_the_regression_form_of_the_test():
    result = proportion_trend(COUNTS, DENOMINATORS)
    expected = armitage_by_weighted_regression(COUNTS[0], DENOMINATORS[0])
    assert result.statistic[0] == pytest.approx(expected, rel=1e-12)
    assert result.codes[0] == Trend.DECREASING
    assert result.slope[0] < 0


def test_random_series_match_the_regression_form():
    rng = np.random.default_rng(4)
    n = rng.integers(100, 10_000, (200, 5)).astype(float)
    x = rng.binomial(n.astype(int), rng.uniform(0.05, 0.5, (200, 1))).astype(float)
    result = proportion_trend(x, n)
    expected = [armitage_by_weighted_regression(x[i], n[i]) for i in range(200)]
    assert np.allclose(result.statistic, expected, rtol=1e-9)
    significant = result.statistic > chi2_ppf(0.998, 1)
    assert np.all(result.codes[~significant] == Trend.NO_SIGNIFICANT_CHANGE)


@pytest.mark.parametrize(
    ("polarity", "word"),
    [
        ("lower_is_better", "Decreasing and getting better"),
        ("higher_is_better", "Decreasing and getting worse"),
        (None, "Decreasing"),
    ],
)
def test_labels_for_a_falling_series(polarity, word):
    codes = proportion_trend(COUNTS, DENOMINATORS).codes
    assert trend_labels(codes, polarity).tolist() == [word]


def test_labels_for_a_rising_series():
    rising = proportion_trend(COUNTS[:, ::-1], DENOMINATORS[:, ::-1]).codes
    assert trend_labels(rising, "higher_is_better").tolist() == ["Increasing and getting better"]
    assert trend_labels(rising, "lower_is_better").tolist() == ["Increasing and getting worse"]
    assert trend_labels(rising).tolist() == ["Increasing"]
    assert trend_labels([0, 1]).tolist() == ["Cannot be calculated", "No significant change"]


def test_a_single_outlying_point_is_not_a_trend():
    # Flat-to-falling for four years, then a jump: significant overall, but leaving the last
    # point out reverses the slope, so Fingertips reports no significant change.
    n = np.full((1, 5), 100_000.0)
    x = np.array([[10_000, 10_000, 9_900, 9_800, 20_000]], dtype=float)
    result = proportion_trend(x, n)
    assert result.statistic[0] > chi2_ppf(0.998, 1)
    assert result.codes[0] == Trend.NO_SIGNIFICANT_CHANGE


def test_cannot_be_calculated_with_too_few_or_missing_points():
    assert proportion_trend(COUNTS[:, 1:], DENOMINATORS[:, 1:]).codes.tolist() == [0]
    with_gap = COUNTS.copy()
    with_gap[0, 2] = np.nan
    assert proportion_trend(with_gap, DENOMINATORS).codes.tolist() == [0]
    zero_denominator = DENOMINATORS.copy()
    zero_denominator[0, 0] = 0
    assert proportion_trend(COUNTS, zero_denominator).codes.tolist() == [0]


def test_only_the_last_five_periods_count():
    earlier = np.array([[5, 500, 50_000]], dtype=float)
    longer_x = np.hstack((earlier, COUNTS))
    longer_n = np.hstack((np.full((1, 3), 60_000.0), DENOMINATORS))
    assert proportion_trend(longer_x, longer_n).statistic == pytest.approx(
        proportion_trend(COUNTS, DENOMINATORS).statistic, rel=1e-15
    )


def test_zero_counts_and_flat_series():
    x = np.array([[0, 0, 1, 3, 9], [10, 10, 10, 10, 10], [0, 0, 0, 0, 0]], dtype=float)
    n = np.full((3, 5), 10.0)
    result = proportion_trend(x, n)
    assert result.codes[0] == Trend.INCREASING
    assert result.codes[1:].tolist() == [Trend.NO_SIGNIFICANT_CHANGE] * 2


def test_lower_confidence_finds_more_trends():
    rng = np.random.default_rng(9)
    n = np.full((2000, 5), 2000.0)
    x = rng.binomial(2000, 0.2 + 0.002 * np.arange(5), (2000, 5)).astype(float)
    strict = proportion_trend(x, n, 0.998).codes != Trend.NO_SIGNIFICANT_CHANGE
    loose = proportion_trend(x, n, 0.95).codes != Trend.NO_SIGNIFICANT_CHANGE
    assert loose.sum() > strict.sum()
    assert np.all(loose[strict])


def weighted_least_squares(y, lower, upper):
    """Slope and its standard error from the normal equations, solved by NumPy."""
    se = (upper - lower) / (2 * 1.959963984540054)
    w = 1 / se**2
    design = np.column_stack((np.ones(5), np.arange(1.0, 6.0)))
    information = design.T @ (design * w[:, None])
    beta = np.linalg.solve(information, design.T @ (w * y))
    return beta[1], np.sqrt(np.linalg.inv(information)[1, 1])


def test_value_trend_matches_weighted_least_squares():
    values = np.array([[30.6, 30.2, 28.0, 24.6, 24.67]])
    lower = np.array([[28.98, 28.63, 26.44, 23.15, 23.16]])
    upper = np.array([[32.25, 31.9, 29.64, 26.19, 26.25]])
    result = value_trend(values, lower, upper)
    slope, se = weighted_least_squares(values[0], lower[0], upper[0])
    assert result.slope[0] == pytest.approx(slope, rel=1e-12)
    assert result.statistic[0] == pytest.approx((slope / se) ** 2, rel=1e-12)
    assert trend_labels(result.codes, "lower_is_better").tolist() == [
        "Decreasing and getting better"
    ]


def test_value_trend_needs_positive_width_intervals():
    values = np.array([[1.0, 2.0, 3.0, 4.0, 5.0]])
    result = value_trend(values, values, values)
    assert result.codes.tolist() == [Trend.CANNOT_BE_CALCULATED]


def test_inputs_must_be_tables():
    with pytest.raises(ValueError, match="2-D"):
        proportion_trend([1, 2, 3, 4, 5], [10] * 5)
