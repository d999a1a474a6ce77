"""float_slots must write exactly what repr (and so json.dumps) writes."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from wellboard.core.stats.float_text import float_slots


def texts(values: np.ndarray, missing: bytes = b"") -> list[str]:
    """Each row's bytes without the zero bytes, the padding."""
    return [bytes(row[row != 0]).decode("ascii") for row in float_slots(values, missing)]


def reprs(values: np.ndarray) -> list[str]:
    return [repr(v) if np.isfinite(v) else "" for v in values.tolist()]


def test_matches_repr_on_values_of_every_size_and_shape() -> None:
    rng = np.random.default_rng(20_240_401)
    n = 40_000
    samples = [
        rng.random(n),
        np.exp(rng.uniform(np.log(1e-12), np.log(1e30), n)) * rng.choice([-1.0, 1.0], n),
        rng.integers(0, 10**12, n).astype(float),
        rng.integers(0, 10**6, n) / 1000.0,
        np.round(rng.random(n) * 100, 3),
        rng.integers(1, 1000, n) / rng.integers(1, 1000, n),
        np.ldexp(1.0, rng.integers(-70, 90, n)),
        rng.integers(0, 2**63 - 1, n).view(np.float64),  # any bit pattern, NaNs included
    ]
    for values in samples:
        assert texts(values) == reprs(values)


def test_edges_zero_signs_exponent_switches_and_non_finite() -> None:
    values = np.array(
        [0.0, -0.0, np.nan, np.inf, -np.inf, 1e16, 1e17, 9999999999999998.0, 1e-4, 1e-5,
         0.0001, 0.00012, 123456789012345680.0, 5e-324, 1.7976931348623157e308, 0.1, 1 / 3,
         100.0, 1e22, 1e23, -2.5e-7, 1234567.0, 0.5, 2.0**53, 2.0**53 + 2]
    )  # fmt: skip
    assert texts(values) == reprs(values)
    assert texts(values, b"null")[2:5] == ["null"] * 3


def test_every_point_position_and_length_in_one_block() -> None:
    """Points after each of the first 16 digits, and whole numbers with zeros before the
    point, side by side with numbers below one, negatives and exponents."""
    digits = [int("123456789" * 2) // 10**k for k in range(17)]  # 17 digits down to 1
    values = [float(d) / 10**p for d in digits for p in range(0, 20)]
    values += [-v for v in values] + [1200.0, 1e15, 3e16, 0.001, 1e-4, 1e-5]
    assert texts(np.array(values)) == reprs(np.array(values))


@settings(max_examples=200, deadline=None)
@given(arrays(np.float64, st.integers(1, 50), elements=st.floats(width=64)))
def test_matches_repr_for_any_array(values: np.ndarray) -> None:
    assert texts(values) == reprs(values)


def test_largest_common_power_is_the_largest_power_of_ten_with_a_multiple_in_range() -> None:
    from wellboard.core.stats.float_text import _largest_common_power

    rng = np.random.default_rng(17)
    hi = rng.integers(10**16, 10**17, 20_000)
    power = 10 ** rng.integers(1, 17, hi[::7].size)
    hi[::7] = np.maximum(hi[::7] // power * power, 10**16)  # some ends on round numbers
    lo = hi - rng.integers(0, 40, hi.size)
    expected = [
        max(k for k in range(17) if high // 10**k * 10**k >= low)
        for low, high in zip(lo.tolist(), hi.tolist(), strict=True)
    ]
    assert _largest_common_power(lo, hi).tolist() == expected
    assert max(expected) >= 10  # the round ends were reached
