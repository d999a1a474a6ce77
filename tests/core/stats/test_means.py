import numpy as np
import pytest
from scipy import stats

from wellboard.core.stats.means import mean_interval


def test_hand_worked_mean():
    # 2, 4, 6, 8: mean 5; s = sqrt((9 + 1 + 1 + 9) / 3) = 2.581989; t(0.975; 3) = 3.182446;
    # half-width = 3.182446 * 2.581989 / 2 = 8.217040 / 2 = 4.108520 -> (0.891480, 9.108520).
    result = mean_interval([2.0, 4.0, 6.0, 8.0])
    assert result.value[0] == 5.0
    assert result.lower[0] == pytest.approx(0.891480, abs=1e-6)
    assert result.upper[0] == pytest.approx(9.108520, abs=1e-6)


# Source: PHEindicatormethods testdata_Mean.xlsx: the Area1 input values (sheet testdata_Mean)
# and their published mean and limits (sheet testdata_Mean_results).
AREA1 = [33.09375, 48.38596, 64.83495, 67.98475, 22.93556, 71.23587, 38.78465, 82.37927]


def test_phe_published_mean():
    r95 = mean_interval(AREA1, confidence=0.95)
    r998 = mean_interval(AREA1, confidence=99.8)
    assert r95.value[0] == pytest.approx(53.70434500000001, rel=1e-14)
    assert r95.lower[0] == pytest.approx(36.168325241336504, rel=1e-12)
    assert r95.upper[0] == pytest.approx(71.24036475866352, rel=1e-12)
    assert r998.lower[0] == pytest.approx(18.216705294788838, rel=1e-12)
    assert r998.upper[0] == pytest.approx(89.19198470521118, rel=1e-12)


def test_groups_match_scipy_t_intervals():
    rng = np.random.default_rng(5)
    sizes = [2, 3, 7, 30, 200]
    groups = np.repeat(np.arange(len(sizes)), sizes)
    values = rng.normal(1e6, 3.0, groups.size)  # large values, small spread
    shuffled = rng.permutation(groups.size)
    result = mean_interval(values[shuffled], groups[shuffled], 0.95)
    for g, size in enumerate(sizes):
        sample = values[groups == g]
        low, high = stats.t.interval(0.95, size - 1, loc=sample.mean(), scale=stats.sem(sample))
        assert result.lower[g] == pytest.approx(low, rel=1e-13)
        assert result.upper[g] == pytest.approx(high, rel=1e-13)


def test_a_single_value_has_no_interval():
    result = mean_interval([4.2, 1.0, 3.0], ["x", "y", "y"])
    assert result.value[0] == 4.2
    assert np.isnan(result.lower[0]) and np.isnan(result.upper[0])
    assert not np.isnan(result.lower[1])


def test_refuses_missing_values():
    with pytest.raises(ValueError, match="missing"):
        mean_interval([1.0, np.nan])
