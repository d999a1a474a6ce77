"""Agreement per priority: counts per scale point and the share agreeing with Wilson limits."""

from __future__ import annotations

import pytest

from wellboard.core.consultation import (
    agreement_from_counts,
    agreements_from_counts,
    by_type,
    by_type_counts,
    priority_agreement,
)


def test_counts_share_and_wilson_interval() -> None:
    points = [5] * 30 + [4] * 40 + [3] * 10 + [2] * 15 + [1] * 5 + [None] * 7 + [9]
    result = priority_agreement("Start well", points)
    assert result.counts == (30, 40, 10, 15, 5)
    assert result.answered == 100
    assert result.agreeing == 70 and result.disagreeing == 20
    assert result.share == pytest.approx(0.70)
    # Wilson 95% limits for 70/100 (Newcombe and Altman's worked form).
    assert result.lower == pytest.approx(0.6041, abs=1e-4)
    assert result.upper == pytest.approx(0.7810, abs=1e-4)
    assert result.percent == "70%"
    assert result.interval == "60% to 78%"


def test_nobody_answered_gives_no_share() -> None:
    result = priority_agreement("Age well", [None, None])
    assert result.answered == 0 and result.share is None and result.percent == ""
    assert result.counts == (0, 0, 0, 0, 0)


def test_all_agree_has_upper_limit_one() -> None:
    result = priority_agreement("Live well", [4, 5, 5])
    assert result.upper == 1.0 and result.lower is not None and result.lower < 1.0


def test_by_type_keeps_label_order_and_shares() -> None:
    labels = {"resident": "A resident", "organisation": "An organisation", "partner": "Partner"}
    rows = by_type(["resident"] * 8 + ["partner"] * 2, labels)
    assert [(r.label, r.count) for r in rows] == [
        ("A resident", 8),
        ("An organisation", 0),
        ("Partner", 2),
    ]
    assert rows[0].share == pytest.approx(0.8)


def test_counted_points_give_the_same_as_the_points() -> None:
    """A page counts answers per point in the database: the same figures as counting them."""
    points = [5] * 3 + [4] * 7 + [2] * 2 + [None] * 4 + [9]
    counted = agreement_from_counts("Start well", {5: 3, 4: 7, 2: 2, None: 4, 9: 1})
    assert counted == priority_agreement("Start well", points)
    assert counted.counts == (3, 7, 0, 2, 0) and counted.answered == 12


def test_counted_types_give_the_same_as_the_types() -> None:
    labels = {"resident": "A resident", "partner": "Partner"}
    types = ["resident"] * 3 + ["partner"] + ["other"] * 2
    counted = by_type_counts({"other": 2, "resident": 3, "partner": 1}, labels)
    assert counted == by_type(types, labels)
    assert [(r.label, r.count) for r in counted] == [
        ("A resident", 3),
        ("Partner", 1),
        ("other", 2),
    ]


def test_rows_counted_together_match_each_counted_alone() -> None:
    """The Wilson limits for all rows come from one vectorised call: row by row the same."""
    rows = [("Start well", {5: 3, 4: 1, 1: 2}), ("Age well", {None: 3}), ("Live well", {4: 9})]
    together = agreements_from_counts(rows)
    assert together == [agreement_from_counts(label, counts) for label, counts in rows]
    assert together[1].share is None and together[2].upper == 1.0
    assert agreements_from_counts([]) == []
