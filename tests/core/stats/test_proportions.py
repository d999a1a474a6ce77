import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wellboard.core.stats.normal import two_sided_z
from wellboard.core.stats.proportions import wilson_interval


def textbook_wilson(x: float, n: float, confidence: float) -> tuple[float, float]:
    """Newcombe and Altman's form, with the 2s left in, in scalar arithmetic."""
    z = two_sided_z(confidence)
    root = z * math.sqrt(z * z + 4 * x * (1 - x / n))
    return (2 * x + z * z - root) / 2 / (n + z * z), (2 * x + z * z + root) / 2 / (n + z * z)


def test_hand_worked_ten_in_a_hundred():
    # z = 1.959964, z^2 = 3.841459; centre = x + z^2/2 = 11.920729;
    # half = z * sqrt(z^2/4 + x(1 - p)) = 1.959964 * sqrt(0.960365 + 9) = 1.959964 * 3.156006
    #      = 6.185658;
    # n + z^2 = 103.841459; limits = (11.920729 -/+ 6.185658) / 103.841459 = 0.055229, 0.174366.
    value, lower, upper = wilson_interval(10, 100)
    assert value == 0.1
    assert lower == pytest.approx(0.055229, abs=1e-6)
    assert upper == pytest.approx(0.174366, abs=1e-6)
    assert (lower, upper) == pytest.approx(textbook_wilson(10, 100, 0.95), rel=1e-14)


# Source: PHEindicatormethods testdata_Proportion.xlsx (sheet testdata_Prop) and
# testdata_Byars_Wilson.xlsx (sheet testdata_B_W): published expected outputs.
PHE_CASES = [
    # numerator, denominator, confidence, multiplier, lower, upper
    (1, 100, 0.95, 1, 0.0017674320641406511, 0.054486196178705294),
    (1, 100, 0.998, 1, 0.000873065697299977, 0.1045544528370582),
    (65, 100, 0.95, 1, 0.5525444329688797, 0.7363575175690247),
    (65, 100, 0.998, 1, 0.4954946574070431, 0.7783540614089697),
    (7776456, 7564336677, 0.95, 1, 0.0010273201001641094, 0.0010287644578977231),
    (999, 3456, 0.95, 100, 27.418951080009872, 30.440389662818056),
    (999, 3456, 0.998, 100, 26.583995768074953, 31.344754492799847),
    (0.445, 1, 0.95, 1, 0.04381744772058822, 0.9334621276979156),
    (0.445, 1, 0.998, 1, 0.019347006132900975, 0.9702259947019541),
]


@pytest.mark.parametrize(("x", "n", "confidence", "multiplier", "lower", "upper"), PHE_CASES)
def test_phe_published_values(x, n, confidence, multiplier, lower, upper):
    value, low, high = wilson_interval(x, n, confidence, multiplier)
    assert value == pytest.approx(x / n * multiplier, rel=1e-15)
    assert low == pytest.approx(lower, rel=1e-12)
    assert high == pytest.approx(upper, rel=1e-12)


def test_zero_numerator_has_a_lower_limit_of_zero():
    value, lower, upper = wilson_interval(0, 50)
    z2 = two_sided_z(0.95) ** 2
    assert value == 0 and lower == 0
    assert upper == pytest.approx(z2 / (50 + z2), rel=1e-14)


def test_numerator_equal_to_denominator_has_an_upper_limit_of_one():
    value, lower, upper = wilson_interval(50, 50)
    z2 = two_sided_z(0.95) ** 2
    assert value == 1 and upper == 1
    assert lower == pytest.approx(50 / (50 + z2), rel=1e-14)


def test_missing_or_zero_denominators_and_missing_numerators_give_nan():
    result = wilson_interval([10, 0, np.nan, np.nan], [np.nan, 0, 100, np.nan])
    for array in result:
        assert np.isnan(array).all()


def test_refuses_impossible_counts():
    with pytest.raises(ValueError, match="less than or equal"):
        wilson_interval([5, 11], [10, 10])
    with pytest.raises(ValueError, match="numerators"):
        wilson_interval(-1, 10)
    with pytest.raises(ValueError, match="denominators"):
        wilson_interval(0, -10)


def test_arrays_keep_their_shape_and_broadcast():
    value, lower, upper = wilson_interval(np.array([[1, 2], [3, 4]]), 10)
    assert value.shape == lower.shape == upper.shape == (2, 2)
    assert value[1, 1] == 0.4


def test_long_arrays_equal_row_by_row_results():
    # More rows than one cache-sized slice, so the slicing is exercised.
    rng = np.random.default_rng(7)
    n = rng.integers(1, 5000, 100_000).astype(float)
    x = np.floor(n * rng.uniform(0, 1, n.size))
    _, lower, upper = wilson_interval(x, n, 0.998, 100)
    for i in rng.integers(0, n.size, 50):
        expected = textbook_wilson(x[i], n[i], 0.998)
        assert lower[i] == pytest.approx(expected[0] * 100, rel=1e-10, abs=1e-12)
        assert upper[i] == pytest.approx(expected[1] * 100, rel=1e-10)


counts = st.integers(min_value=0, max_value=10_000_000)


@settings(deadline=None)  # timing varies on a shared machine
@given(counts, counts)
def test_limits_bracket_the_value_inside_zero_to_one(a, b):
    x, n = min(a, b), max(a, b, 1)
    value, lower, upper = wilson_interval(x, n)
    assert 0.0 <= lower <= value <= upper <= 1.0


@settings(deadline=None)  # timing varies on a shared machine
@given(counts, counts)
def test_the_998_interval_contains_the_95_interval(a, b):
    x, n = min(a, b), max(a, b, 1)
    _, lower95, upper95 = wilson_interval(x, n, 0.95)
    _, lower998, upper998 = wilson_interval(x, n, 0.998)
    assert lower998 <= lower95 and upper95 <= upper998


@settings(deadline=None)  # timing varies on a shared machine
@given(st.integers(0, 100_000), st.integers(1, 100_000), st.integers(2, 1000))
def test_interval_narrows_as_the_denominator_grows(a, b, k):
    x, n = min(a, b), max(a, b)
    _, lower, upper = wilson_interval(x, n)
    _, lower_k, upper_k = wilson_interval(k * x, k * n)
    assert upper_k - lower_k < upper - lower
