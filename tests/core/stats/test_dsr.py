import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wellboard.core.stats.dsr import directly_standardised_rate
from wellboard.core.stats.rates import byars_lower, byars_upper
from wellboard.core.stats.standard_populations import esp2013


def test_hand_worked_two_band_example():
    # Band 1: 20 events in 1,000 people, standard population 600; band 2: 30 in 500, 400.
    # DSR = (20*600/1000 + 30*400/500) / 1000 = (12 + 24) / 1000 = 0.036 -> 3,600 per 100,000.
    # var = (20*0.6^2 + 30*0.8^2) / 1000^2 = 26.4e-6; O = 50; sqrt(var/O) = 7.2664e-4.
    # Byar's for 50: lower 37.108, upper 65.920 (see test_rates for the formula), so
    # limits = 0.036 + 7.2664e-4 * (37.108 - 50, 65.920 - 50) = 0.026632, 0.047568.
    result = directly_standardised_rate(["A", "A"], [20, 30], [1000, 500], [600, 400])
    assert list(result.groups) == ["A"]
    assert result.value[0] == pytest.approx(3600.0, rel=1e-14)
    assert result.lower[0] == pytest.approx(2663.2, abs=0.5)
    assert result.upper[0] == pytest.approx(4756.8, abs=0.5)
    spread = np.sqrt(26.4e-6 / 50)
    assert result.lower[0] == pytest.approx((0.036 + spread * (byars_lower(50) - 50)) * 1e5)
    assert result.upper[0] == pytest.approx((0.036 + spread * (byars_upper(50) - 50)) * 1e5)


def naive_dsr(counts, populations, standard, confidence=0.95, multiplier=100_000):
    """One group, written straight from Dobson et al. with a Python loop."""
    total_w = sum(standard)
    value = sum(o * w / n for o, n, w in zip(counts, populations, standard, strict=True)) / total_w
    variance = sum(
        o * (w / n) ** 2 for o, n, w in zip(counts, populations, standard, strict=True)
    ) / (total_w**2)
    o = sum(counts)
    spread = np.sqrt(variance / o)
    return (
        value * multiplier,
        (value + spread * (byars_lower(o, confidence) - o)) * multiplier,
        (value + spread * (byars_upper(o, confidence) - o)) * multiplier,
    )


def test_many_groups_match_the_one_group_formula_in_any_row_order():
    rng = np.random.default_rng(11)
    groups = np.repeat(np.arange(50), 19)
    counts = rng.integers(0, 40, groups.size).astype(float)
    populations = rng.integers(200, 9000, groups.size).astype(float)
    standard = np.tile(esp2013(), 50)
    shuffled = rng.permutation(groups.size)
    result = directly_standardised_rate(
        groups[shuffled], counts[shuffled], populations[shuffled], standard[shuffled], 0.998
    )
    assert np.array_equal(result.groups, np.arange(50))
    for g in range(50):
        rows = slice(19 * g, 19 * g + 19)
        expected = naive_dsr(counts[rows], populations[rows], standard[rows], 0.998)
        got = (result.value[g], result.lower[g], result.upper[g])
        assert got == pytest.approx(expected, rel=1e-11)


def test_groups_with_fewer_than_ten_events_are_not_published():
    counts = np.zeros(38)
    counts[[0, 5, 18]] = 3  # 9 events in group "a"
    counts[[19, 30]] = 5  # 10 events in group "b"
    result = directly_standardised_rate(
        np.repeat(["a", "b"], 19), counts, np.full(38, 1000.0), np.tile(esp2013(), 2)
    )
    assert np.isnan([result.value[0], result.lower[0], result.upper[0]]).all()
    assert not np.isnan([result.value[1], result.lower[1], result.upper[1]]).any()


def test_missing_counts_count_as_zero():
    with_nan = directly_standardised_rate([1, 1, 1], [np.nan, 12, 8], [100, 200, 300], [1, 2, 3])
    with_zero = directly_standardised_rate([1, 1, 1], [0, 12, 8], [100, 200, 300], [1, 2, 3])
    assert with_nan.value == pytest.approx(with_zero.value, rel=1e-15)


def test_tiny_populations_give_wide_but_valid_intervals():
    result = directly_standardised_rate([0] * 3, [4, 4, 4], [5, 6, 7], [100, 100, 100])
    assert 0 < result.lower[0] < result.value[0] < result.upper[0]


def test_refuses_bad_input():
    with pytest.raises(ValueError, match="counts"):
        directly_standardised_rate([0, 0], [-1, 20], [10, 10], [1, 1])
    with pytest.raises(ValueError, match="populations"):
        directly_standardised_rate([0, 0], [1, 20], [10, 0], [1, 1])
    with pytest.raises(ValueError, match="standard"):
        directly_standardised_rate([0, 0], [1, 20], [10, 10], [1, -1])
    with pytest.raises(ValueError, match="aligned"):
        directly_standardised_rate([0, 0], [1, 20], [10, 10], [1])


bands = st.lists(
    st.tuples(st.integers(0, 500), st.integers(1, 100_000), st.integers(1, 10_000)),
    min_size=1,
    max_size=19,
)


@settings(max_examples=200, deadline=None)  # timing varies on a shared machine
@given(bands)
def test_limits_bracket_the_rate_and_widen_with_confidence(rows):
    counts, populations, standard = np.array(rows, dtype=float).T
    groups = np.zeros(len(rows))
    r95 = directly_standardised_rate(groups, counts, populations, standard, 0.95)
    r998 = directly_standardised_rate(groups, counts, populations, standard, 0.998)
    if counts.sum() < 10:
        assert np.isnan(r95.value[0])
        return
    assert r95.lower[0] <= r95.value[0] <= r95.upper[0]
    assert r998.lower[0] <= r95.lower[0] and r95.upper[0] <= r998.upper[0]
