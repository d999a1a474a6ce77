import datetime as dt

import numpy as np
import pytest

from wellboard.core.stats.targets import Progress, progress_labels, progress_towards_target

BASE, GOAL = 20.0, 10.0  # e.g. smoking prevalence: reduce 20% to 10% over two years
START, END, HALFWAY = "2021-01-01", "2023-01-01", "2022-01-01"  # 730 days, halfway at 365


def judge(latest, when=HALFWAY, **kwargs):
    return progress_towards_target(BASE, START, GOAL, END, latest, when, **kwargs)


def test_trajectory_is_the_straight_line_value():
    assert judge(15.0).trajectory == 15.0
    # 2021-04-01 is 90 of the 730 days in: 20 - 10 * 90/730.
    assert judge(15.0, when="2021-04-01").trajectory == pytest.approx(20 - 900 / 730, rel=1e-14)


@pytest.mark.parametrize(
    ("latest", "expected"),
    [
        (14.0, Progress.ON_TRACK),  # ahead of the line (lower is the way to go)
        (15.5, Progress.AT_RISK),  # behind by 0.5, within 10% of the 10-point change
        (16.0, Progress.AT_RISK),  # behind by 1.0: on the edge of the tolerance
        (16.5, Progress.OFF_TRACK),
        (9.5, Progress.ACHIEVED),
    ],
)
def test_labels_for_a_falling_target(latest, expected):
    assert judge(latest).codes == expected


def test_rising_target_and_after_the_target_date():
    # Target 95% from 80%: after the target date the line stays at the target.
    result = progress_towards_target(
        [80.0, 80.0], dt.date(2020, 1, 1), 95.0, dt.date(2024, 1, 1), [94.0, 96.0], "2026-06-30"
    )
    assert result.trajectory.tolist() == [95.0, 95.0]
    assert progress_labels(result.codes).tolist() == ["At risk", "Achieved"]


def test_holding_a_value_needs_a_polarity():
    args = (50.0, START, 50.0, END, 49.0, "2022-01-01")
    assert progress_towards_target(*args).codes == Progress.CANNOT_BE_ASSESSED
    assert progress_towards_target(*args, polarity="lower_is_better").codes == Progress.ACHIEVED
    assert progress_towards_target(*args, polarity="higher_is_better").codes == Progress.OFF_TRACK


def test_cannot_be_assessed():
    codes = progress_towards_target(
        [20.0, 20.0, 20.0, np.nan],
        START,
        GOAL,
        [END, START, END, END],
        [15.0, 15.0, 15.0, 15.0],
        [HALFWAY, HALFWAY, "2019-01-01", HALFWAY],
    ).codes
    # Target date not after the baseline; latest before the baseline; missing baseline.
    assert codes.tolist() == [Progress.ON_TRACK] + [Progress.CANNOT_BE_ASSESSED] * 3
    assert judge(15.0, when=None).codes == Progress.CANNOT_BE_ASSESSED


def test_tolerance_can_be_changed():
    assert judge(15.5, tolerance=0.0).codes == Progress.OFF_TRACK
