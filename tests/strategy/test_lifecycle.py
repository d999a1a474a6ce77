"""Moving a strategy along its lifecycle: the record, the refusals, and the command line."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from tests.factories import StrategyFactory, UserFactory, add_deciding_bodies
from wellboard.partnerships.models import DecidingBody
from wellboard.strategy.lifecycle import approval_history, transition
from wellboard.strategy.models import ApprovalDecision, Strategy

pytestmark = pytest.mark.django_db
MEETING = dt.date(2026, 9, 27)


def _strategy(**values: object) -> Strategy:
    """A strategy whose partnership has the usual deciding bodies: the HWB approves, the
    Council Cabinet and the ICB adopt (tests.factories.add_deciding_bodies)."""
    strategy = StrategyFactory(**values)
    add_deciding_bodies(strategy.partnership)
    return strategy


def test_a_step_records_who_when_body_meeting_and_minute() -> None:
    strategy = _strategy(status="revised")
    officer = UserFactory()
    record = transition(
        strategy.pk, "approved", body=" hwb ", meeting_date=MEETING,
        minute="HWB/26/14", user=officer,
    )  # fmt: skip
    strategy.refresh_from_db()
    assert strategy.status == "approved"
    assert (record.from_status, record.to_status) == ("revised", "approved")
    assert record.body == "HWB"  # the configured body, found whatever the case
    assert record.deciding_body is not None and record.deciding_body.name == "HWB"
    assert record.date == MEETING
    assert record.minute_reference == "HWB/26/14"
    assert record.recorded_by == officer
    assert record.created_at is not None
    assert record.decision == ApprovalDecision.Decision.APPROVED


def test_the_whole_lifecycle_leaves_its_history_in_order() -> None:
    strategy = _strategy(status="draft")
    steps = [("consultation", "HWB"), ("revised", ""), ("approved", "HWB"),
             ("adopted", "Council Cabinet"), ("adopted", "ICB"), ("in_delivery", ""),
             ("under_review", ""), ("closed", "HWB"), ("under_review", "HWB")]  # fmt: skip
    for step, body in steps:
        transition(strategy.pk, step, body=body, meeting_date=MEETING)
    history = approval_history(strategy)
    assert [r.to_status for r in history] == [
        "consultation", "revised", "approved", "", "adopted", "in_delivery", "under_review",
        "closed", "under_review",
    ]  # fmt: skip
    assert [r.decision for r in history[:5]] == [
        "consultation_agreed",
        "noted",
        "approved",
        "adopted",
        "adopted",
    ]
    assert history[1].body == "Recorded by an administrator"


def test_adopting_a_strategy_never_approved_is_refused_and_writes_nothing() -> None:
    strategy = _strategy(status="consultation")
    with pytest.raises(ValidationError, match="it must be approved first"):
        transition(strategy.pk, "adopted", body="Council Cabinet", meeting_date=MEETING)
    assert Strategy.objects.get(pk=strategy.pk).status == "consultation"
    assert not ApprovalDecision.objects.filter(strategy=strategy).exists()


def test_reopening_a_closed_strategy_without_a_decision_is_refused() -> None:
    strategy = _strategy(status="closed")
    with pytest.raises(ValidationError, match="needs the deciding body and the meeting date"):
        transition(strategy.pk, "under_review")
    assert Strategy.objects.get(pk=strategy.pk).status == "closed"
    assert not ApprovalDecision.objects.filter(strategy=strategy).exists()


def test_a_form_drawn_for_another_status_is_refused() -> None:
    strategy = _strategy(status="in_delivery")
    with pytest.raises(ValidationError, match="was moved to in delivery since this page"):
        transition(strategy.pk, "closed", body="HWB", meeting_date=MEETING, expected="approved")
    assert Strategy.objects.get(pk=strategy.pk).status == "in_delivery"


def test_command_moves_the_strategy_and_says_so() -> None:
    strategy = _strategy(status="approved", title="Riverside strategy")
    # With the ICB archived, the Cabinet is the one adopting body left.
    DecidingBody.objects.get(partnership=strategy.partnership, name="ICB").archive()
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
    strategy = _strategy(status="draft")
    target = str(strategy.pk) if strategy_id == "own" else strategy_id
    with pytest.raises(CommandError) as refused:
        call_command("strategy", "transition", target, state, "--body", "HWB", "--date", date)
    assert refused.value.returncode == 2
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)
    assert Strategy.objects.get(pk=strategy.pk).status == "draft"
    assert not ApprovalDecision.objects.exists()


def test_history_runs_by_meeting_date_with_undated_decisions_first() -> None:
    strategy = _strategy(status="draft")
    later = ApprovalDecision.objects.create(strategy=strategy, body="ICB", date=MEETING)
    earlier = ApprovalDecision.objects.create(
        strategy=strategy, body="HWB", date=MEETING - dt.timedelta(days=30)
    )
    undated = ApprovalDecision.objects.create(strategy=strategy, body="Cabinet", date=None)
    assert approval_history(strategy) == [undated, earlier, later]
