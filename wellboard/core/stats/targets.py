"""Progress towards a target: is the latest value where a straight line says it should be?

The trajectory runs in a straight line from the baseline (value, date) to the target (value,
date); its value at the latest date (held at the target after the target date) is what the
latest value is judged against, in the direction of improvement, which is the direction from
baseline to target (or the polarity, when the target is to hold the baseline value):

- "Achieved": the latest value is at or beyond the target;
- "On track": at or beyond the trajectory;
- "At risk": behind the trajectory by no more than 10% of the required change
  (|target - baseline|): a shortfall small enough to be within a year's noise for most
  indicators, and the tolerance can be set per call;
- "Off track": further behind than that;
- "Cannot be assessed": a missing value or date, a target date not after the baseline date, a
  latest date before the baseline, or an unchanged target with no polarity to say which way is
  better.

This is the straight-line ("trajectory") method boards commonly use for strategy milestones;
it is a judgement aid, not a statistical test, so the labels say nothing about significance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
from numpy.typing import ArrayLike, NDArray

from wellboard.core.stats.polarity import Polarity, parse_polarity

AT_RISK_TOLERANCE = 0.10

Dates = ArrayLike | dt.date | Sequence[dt.date | str | None] | None


class Progress(IntEnum):
    CANNOT_BE_ASSESSED = 0
    ACHIEVED = 1
    ON_TRACK = 2
    AT_RISK = 3
    OFF_TRACK = 4


PROGRESS_WORDS = ("Cannot be assessed", "Achieved", "On track", "At risk", "Off track")


@dataclass(frozen=True)
class TargetProgress:
    codes: NDArray[np.int8]
    trajectory: NDArray[np.float64]
    """The straight-line value expected at the latest date (NaN where not assessed)."""


def _days(dates: Dates) -> NDArray[np.float64]:
    """Days since 1970 as floats, NaN for missing dates (None, NaT)."""
    as_dates = np.asarray(dates, dtype="datetime64[D]")
    days = as_dates.astype(np.int64).astype(np.float64)
    days[np.isnat(as_dates)] = np.nan
    return days


def progress_towards_target(
    baseline_value: ArrayLike,
    baseline_date: Dates,
    target_value: ArrayLike,
    target_date: Dates,
    latest_value: ArrayLike,
    latest_date: Dates,
    polarity: Polarity | str | None = None,
    tolerance: float = AT_RISK_TOLERANCE,
) -> TargetProgress:
    """Progress codes elementwise; dates may be datetime.date, numpy datetime64 or ISO strings."""
    base = np.asarray(baseline_value, dtype=np.float64)
    goal = np.asarray(target_value, dtype=np.float64)
    latest = np.asarray(latest_value, dtype=np.float64)
    t0, t1, t = _days(baseline_date), _days(target_date), _days(latest_date)
    base, goal, latest, t0, t1, t = np.broadcast_arrays(base, goal, latest, t0, t1, t)
    required = goal - base
    preference = {Polarity.HIGHER_IS_BETTER: 1.0, Polarity.LOWER_IS_BETTER: -1.0}
    fallback = preference.get(parse_polarity(polarity), 0.0)
    direction = np.where(required != 0.0, np.sign(required), fallback)
    with np.errstate(invalid="ignore", divide="ignore"):
        valid = (
            np.isfinite(base + goal + latest + t0 + t1 + t)
            & (t1 > t0)
            & (t >= t0)
            & (direction != 0.0)
        )
        elapsed = np.clip((t - t0) / (t1 - t0), 0.0, 1.0)
        trajectory = base + required * elapsed
        ahead = direction * (latest - trajectory)
        beyond_target = direction * (latest - goal)
    codes = np.full(base.shape, Progress.OFF_TRACK, dtype=np.int8)
    codes[ahead >= -tolerance * np.abs(required)] = Progress.AT_RISK
    codes[ahead >= 0.0] = Progress.ON_TRACK
    codes[beyond_target >= 0.0] = Progress.ACHIEVED
    codes[~valid] = Progress.CANNOT_BE_ASSESSED
    return TargetProgress(codes, np.where(valid, trajectory, np.nan))


def progress_labels(codes: ArrayLike) -> NDArray[np.str_]:
    return np.array(PROGRESS_WORDS)[np.asarray(codes, dtype=np.intp)]
