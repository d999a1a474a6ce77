from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wellboard.core.delivery import (
    StatusCounts,
    action_percent,
    expected_percent,
    suggested_rag,
    weighted_percent,
)

START, DUE = date(2026, 1, 1), date(2026, 12, 31)


def test_lead_percentage_wins_over_the_status_percentage() -> None:
    assert action_percent(35, "green") == 35
    assert action_percent(None, "green") == 75
    assert action_percent(None, "not_started") == 0
    assert action_percent(140, "amber") == 100


def test_expected_percent_is_a_straight_line() -> None:
    midpoint = date(2026, 7, 2)
    assert expected_percent(START, DUE, midpoint) == pytest.approx(50, abs=0.5)
    assert expected_percent(START, DUE, date(2025, 6, 1)) == 0
    assert expected_percent(START, DUE, date(2027, 1, 5)) == 100


def test_expected_percent_without_a_start_assumes_a_year() -> None:
    assert expected_percent(None, DUE, date(2026, 7, 2)) == pytest.approx(50, abs=0.5)


@pytest.mark.parametrize(
    ("percent", "today", "rag"),
    [
        (45, date(2026, 7, 2), "green"),  # 5 points behind a 50% line
        (30, date(2026, 7, 2), "amber"),  # 20 behind
        (10, date(2026, 7, 2), "red"),  # 40 behind
        (90, date(2027, 1, 2), "red"),  # past the deadline and not complete
        (100, date(2027, 1, 2), "complete"),
    ],
)
def test_suggested_rag_compares_progress_with_elapsed_time(
    percent: int, today: date, rag: str
) -> None:
    assert suggested_rag(percent, START, DUE, today) == rag


def test_no_deadline_gives_no_suggestion() -> None:
    assert suggested_rag(20, None, None, date(2026, 7, 2)) == ""


def test_weighted_percent_uses_the_weights() -> None:
    assert weighted_percent([(1, 100), (3, 0)]) == 25
    assert weighted_percent([]) is None
    assert weighted_percent([(0, 50)]) is None


@given(st.lists(st.tuples(st.integers(1, 10), st.integers(0, 100)), min_size=1))
def test_weighted_percent_stays_between_the_extremes(items: list[tuple[int, int]]) -> None:
    result = weighted_percent(items)
    assert result is not None
    assert min(p for _, p in items) - 1e-9 <= result <= max(p for _, p in items) + 1e-9


def test_status_counts_merge_and_order() -> None:
    theme, priority = StatusCounts(), StatusCounts()
    priority.add("red", stale=True)
    priority.add("complete", stale=False)
    theme.merge(priority)
    theme.add("red", stale=False)
    assert theme.total == 3
    assert theme.stale == 1
    assert dict(theme.ordered())["red"] == 2
    assert theme.ordered()[0] == ("complete", 1)
