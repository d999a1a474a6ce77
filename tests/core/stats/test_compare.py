import numpy as np
import pytest

from wellboard.core.stats.compare import (
    Comparison,
    TargetStatus,
    compare_with_benchmark,
    compare_with_target,
    comparison_labels,
    quintile_labels,
    quintiles,
    target_labels,
)


def test_benchmark_comparison_by_overlapping_intervals():
    lower = [10.0, 12.0, 5.0, 8.0, 9.0, np.nan]
    upper = [14.0, 15.0, 9.0, 10.0, 11.0, 12.0]
    # benchmark 11: [10, 14] overlaps; [12, 15] above; [5, 9] below; [8, 10] below;
    # [9, 11] touches it (similar); a missing limit is not compared.
    codes = compare_with_benchmark(lower, upper, 11.0)
    assert codes.tolist() == [
        Comparison.SIMILAR,
        Comparison.HIGHER,
        Comparison.LOWER,
        Comparison.LOWER,
        Comparison.SIMILAR,
        Comparison.NOT_COMPARED,
    ]


def test_missing_benchmark_is_not_compared_and_benchmarks_broadcast():
    lower = np.array([[1.0, 5.0], [1.0, 5.0]])
    upper = lower + 1
    codes = compare_with_benchmark(lower, upper, np.array([[3.0, np.nan]]))
    assert codes.tolist() == [[Comparison.LOWER, Comparison.NOT_COMPARED]] * 2


@pytest.mark.parametrize(
    ("polarity", "words"),
    [
        (None, ["Not compared", "Similar", "Higher", "Lower"]),
        ("higher_is_better", ["Not compared", "Similar", "Better", "Worse"]),
        ("lower_is_better", ["Not compared", "Similar", "Worse", "Better"]),
    ],
)
def test_comparison_words_follow_polarity(polarity, words):
    assert comparison_labels([0, 1, 2, 3], polarity).tolist() == words


def test_unknown_polarity_is_refused():
    with pytest.raises(ValueError, match="polarity"):
        comparison_labels([1], "up_is_good")


def test_target_comparison_both_directions_with_a_close_band():
    # Vaccination-style target: >= 95% meets, 90% to 95% is close, below 90% misses.
    codes = compare_with_target([96.0, 95.0, 92.0, 89.9, np.nan], 95.0, "higher_is_better", 90.0)
    assert target_labels(codes).tolist() == [
        "Meets target",
        "Meets target",
        "Close to target",
        "Does not meet target",
        "Not compared",
    ]
    codes = compare_with_target([4.0, 5.0, 6.0], 5.0, "lower_is_better")
    assert codes.tolist() == [TargetStatus.MEETS, TargetStatus.MEETS, TargetStatus.MISSES]


def test_target_comparison_needs_a_polarity():
    with pytest.raises(ValueError, match="polarity"):
        compare_with_target([1.0], 2.0, None)  # type: ignore[arg-type]


def test_quintiles_of_ten_areas():
    values = [5, 1, 2, 3, 4, 6, 7, 8, 9, 10]
    # Ranked 1..10: two areas per quintile.
    assert quintiles(values).tolist() == [3, 1, 1, 2, 2, 3, 4, 4, 5, 5]


def test_quintiles_within_groups_with_ties_and_missing_values():
    values = [1, 1, 1, 2, 3, 10, 20, 30, 40, 50, np.nan]
    groups = ["a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a"]
    # Group a: 1, 1, 3, 20, 40 -> the two 1s share rank 1 (quintile 1); 3 -> 3; 20 -> 4; 40 -> 5.
    # Group b: 1, 2, 10, 30, 50 -> 1..5. The missing value is not ranked.
    assert quintiles(values, groups).tolist() == [1, 1, 1, 2, 3, 3, 4, 4, 5, 5, 0]


def test_quintiles_spread_evenly_over_large_groups():
    rng = np.random.default_rng(2)
    values = rng.normal(size=1000)
    codes = quintiles(values, np.repeat([1, 2], 500))
    for g in (slice(0, 500), slice(500, 1000)):
        assert np.bincount(codes[g], minlength=6).tolist() == [0, 100, 100, 100, 100, 100]
        order = np.argsort(values[g])
        assert np.all(np.diff(codes[g][order]) >= 0)


def test_quintile_words():
    assert quintile_labels([1, 5, 0]).tolist() == ["Lowest", "Highest", "Not ranked"]
    assert quintile_labels([1, 5], "higher_is_better").tolist() == ["Worst", "Best"]
    assert quintile_labels([1, 5], "lower_is_better").tolist() == ["Best", "Worst"]
