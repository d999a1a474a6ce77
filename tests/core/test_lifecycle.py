"""Every step of the strategy lifecycle, allowed and refused, written out by hand."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from wellboard.core.lifecycle import LABELS, needs_decision, refusal

MEETING = dt.date(2026, 9, 27)
STATES = list(LABELS)

# Written out rather than read from the table, so that a change to the table fails here.
ALLOWED_STEPS = {
    ("draft", "consultation"),
    ("draft", "approved"),
    ("consultation", "draft"),
    ("consultation", "revised"),
    ("revised", "consultation"),
    ("revised", "approved"),
    ("approved", "adopted"),
    ("approved", "in_delivery"),
    ("adopted", "in_delivery"),
    ("in_delivery", "under_review"),
    ("in_delivery", "closed"),
    ("under_review", "in_delivery"),
    ("under_review", "revised"),
    ("under_review", "closed"),
    ("closed", "under_review"),
}
REFUSED_STEPS = sorted(set(itertools.product(STATES, STATES)) - ALLOWED_STEPS)
DECIDED_STEPS = {
    ("draft", "consultation"),
    ("draft", "approved"),
    ("revised", "consultation"),
    ("revised", "approved"),
    ("approved", "adopted"),
    ("in_delivery", "closed"),
    ("under_review", "closed"),
    ("closed", "under_review"),
}


def test_eight_states_in_order() -> None:
    assert STATES == [
        "draft", "consultation", "revised", "approved",
        "adopted", "in_delivery", "under_review", "closed",
    ]  # fmt: skip


@pytest.mark.parametrize(("current", "target"), sorted(ALLOWED_STEPS))
def test_allowed_step_with_a_decision(current: str, target: str) -> None:
    assert refusal(current, target, body="Health and Wellbeing Board", meeting_date=MEETING) == ""


@pytest.mark.parametrize(("current", "target"), sorted(ALLOWED_STEPS))
def test_allowed_step_without_a_decision_only_when_no_body_decides_it(
    current: str, target: str
) -> None:
    reason = refusal(current, target)
    if (current, target) in DECIDED_STEPS:
        assert "needs the deciding body and the meeting date" in reason
        assert needs_decision(current, target)
    else:
        assert reason == ""
        assert not needs_decision(current, target)


@pytest.mark.parametrize(("current", "target"), REFUSED_STEPS)
def test_refused_step_even_with_a_decision(current: str, target: str) -> None:
    reason = refusal(current, target, body="Council Cabinet", meeting_date=MEETING)
    assert reason
    assert "\n" not in reason
    if current == target:
        assert reason.startswith("The strategy is already")
    else:
        assert reason.startswith(f"A strategy cannot go from {LABELS[current].lower()}")


@pytest.mark.parametrize("current", ["draft", "consultation", "revised"])
def test_adopting_a_strategy_never_approved_says_why(current: str) -> None:
    reason = refusal(current, "adopted", body="Council Cabinet", meeting_date=MEETING)
    assert reason.endswith("it must be approved first.")


@pytest.mark.parametrize("target", ["draft", "in_delivery", "approved"])
def test_a_closed_strategy_reopens_only_for_review(target: str) -> None:
    reason = refusal("closed", target, body="HWB", meeting_date=MEETING)
    assert "can only be reopened for review" in reason


def test_reopening_a_closed_strategy_needs_a_decision() -> None:
    assert "needs the deciding body" in refusal("closed", "under_review", body="  ")
    assert "needs the deciding body" in refusal("closed", "under_review", body="HWB")
    assert refusal("closed", "under_review", body="HWB", meeting_date=MEETING) == ""


def test_unknown_status_is_named() -> None:
    assert refusal("draft", "shelved").startswith("'shelved' is not a strategy status")
