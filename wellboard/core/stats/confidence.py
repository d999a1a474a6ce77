"""Confidence levels as people write them (0.95, 95, 99.8), and the shape of an interval."""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray


def normalise_confidence(confidence: float) -> float:
    """Return the confidence as a fraction strictly between 0 and 1.

    Values above 1 are percentages (95 -> 0.95, 99.8 -> 0.998), as PHEindicatormethods
    accepts them; 1 and 100 are refused because a 100% interval is unbounded.
    """
    value = float(confidence)
    if not math.isfinite(value) or value <= 0.0:
        raise ValueError(f"confidence must be a positive number, not {confidence!r}")
    if value > 1.0:
        value /= 100.0
    if not 0.0 < value < 1.0:
        raise ValueError(f"confidence must be below 100%, not {confidence!r}")
    return value


class Interval(NamedTuple):
    """A statistic with its confidence limits, as arrays of the same shape."""

    value: NDArray[np.float64]
    lower: NDArray[np.float64]
    upper: NDArray[np.float64]


class GroupedInterval(NamedTuple):
    """One statistic and its limits per group; ``groups`` holds the group keys in sorted order."""

    groups: NDArray[Any]
    value: NDArray[np.float64]
    lower: NDArray[np.float64]
    upper: NDArray[np.float64]
