"""Moving a strategy along its lifecycle: the record, the refusals, and the command line."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from tests.factories import StrategyFactory, UserFactory
from wellboard.strategy.lifecycle import approval_history, transition
from wellboard.strategy.models import ApprovalDecision, Strategy

pytestmark = pytest.mark.django_db
MEETING = dt.date(2026, 9, 27)


def test_a_step_records_who_when_body_meeting_and_minute() -> None:
    strategy = StrategyFactory(status="revised")
    officer = UserFactory()
    record = transition(
        strategy.pk, "approved", body=" Health and Wellbeing Board ", meeting_date=MEETING,
        minute="HWB/26/14", user=officer,
    )  # fmt: skip
    strategy.refresh_from_db()
    assert strategy.status == "approved"
    assert (record.from_status, record.to_status) == ("revised", "approved")
    assert record.body == "Health and Wellbeing Board"
    assert record.date == MEETING
    assert record.minute_reference == "HWB/26/14"
    assert record.recorded_by == officer
    assert record.created_at is not None
    assert record.decision == ApprovalDecision.Decision.APPROVED


def test_the_whole_lifecycle_leaves_its_history_in_order() -> None:
    strategy = StrategyFactory(status="draft")
    steps = ["consultation", "revised", "approved", "adopted", "in_delivery", "under_review",
             "closed", "under_review"]  # fmt: skip
    for step in steps:
        transition(strategy.pk, step, body="HWB", meeting_date=MEETING)
    history = approval_history(strategy)
    assert [r.to_status for r in history] == steps
    assert [r.decision for r in history[:4]] == [
        "consultation_agreed",
        "noted",
        "approved",
        "adopted",
    ]


def test_adopting_a_strategy_never_approved_is_refused_and_writes_nothing() -> None:
    strategy = StrategyFactory(status="consultation")
    with pytest.raises(ValidationError, match="it must be approved first"):
        transition(strategy.pk, "adopted", body="Council Cabinet", meeting_date=MEETING)
    assert Strategy.objects.get(pk=strategy.pk).status == "consultation"
    assert not ApprovalDecision.objects.filter(strategy=strategy).exists()


def test_reopening_a_closed_strategy_without_a_decision_is_refused() -> None:
    strategy = StrategyFactory(status="closed")
    with pytest.raises(ValidationError, match="needs the deciding body and the meeting date"):
        transition(strategy.pk, "under_review")
    assert Strategy.objects.get(pk=strategy.pk).status == "closed"
    assert not ApprovalDecision.objects.filter(strategy=strategy).exists()


def test_a_form_drawn_for_another_status_is_refused() -> None:
    strategy = StrategyFactory(status="in_delivery")
    with pytest.raises(ValidationError, match="was moved to in delivery since this page"):
        transition(strategy.pk, "closed", body="HWB", meeting_date=MEETING, expected="approved")
    assert Strategy.objects.get(pk=strategy.pk).status == "in_delivery"


def test_command_moves_the_strategy_and_says_so() -> None:
    strategy = StrategyFactory(status="approved", title="Riverside strategy")
    out = StringIO()
    call_command(
        "strategy", "transition", str(strategy.pk), "adopted", "--body", "Council Cabinet",
        "--date", "2026-10-14", "--minute", "CAB/26/88", stdout=out,
    )  # fmt: skip
    assert "Riverside strategy: approved -> adopted" in out.getvalue()
    record = ApprovalDecision.objects.get(strategy=strategy)
    assert (record.body, record.date, record.minute_reference) == (
        "Council Cabinet", dt.date(2026, 10, 14), "CAB/26/88"
    )  # fmt: skip
    assert Strategy.objects.get(pk=strategy.pk).status == "adopted"


@pytest.mark.parametrize(
    ("strategy_id", "state", "date", "message"),
    [
        ("own", "adopted", "2026-10-14", "cannot go from draft to adopted: it must be approved"),
        ("own", "shelved", "2026-10-14", "'shelved' is not a strategy status"),
        ("own", "consultation", "14/10/2026", "--date '14/10/2026': give the meeting date"),
        ("999999", "consultation", "2026-10-14", "no strategy with id 999999"),
        ("abc", "consultation", "2026-10-14", "no strategy with id abc"),
    ],
)
def test_command_refuses_with_exit_status_2_and_one_line(
    strategy_id: str, state: str, date: str, message: str
) -> None:
    strategy = StrategyFactory(status="draft")
    target = str(strategy.pk) if strategy_id == "own" else strategy_id
    with pytest.raises(CommandError) as refused:
        call_command("strategy", "transition", target, state, "--body", "HWB", "--date", date)
    assert refused.value.returncode == 2
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)
    assert Strategy.objects.get(pk=strategy.pk).status == "draft"
    assert not ApprovalDecision.objects.exists()


def test_history_runs_by_meeting_date_with_undated_decisions_first() -> None:
    strategy = StrategyFactory(status="draft")
    later = ApprovalDecision.objects.create(strategy=strategy, body="ICB", date=MEETING)
    earlier = ApprovalDecision.objects.create(
        strategy=strategy, body="HWB", date=MEETING - dt.timedelta(days=30)
    )
    undated = ApprovalDecision.objects.create(strategy=strategy, body="Cabinet", date=None)
    assert approval_history(strategy) == [undated, earlier, later]
