"""Deciding bodies in the lifecycle: a step names one of the partnership's bodies, approval
and adoption wait for every body with that part, and nothing is written when refused."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from tests.factories import DecidingBodyFactory, StrategyFactory, add_deciding_bodies
from wellboard.partnerships.models import DecidingBody
from wellboard.strategy.lifecycle import awaited, transition
from wellboard.strategy.models import ApprovalDecision, Strategy, StrategyVersion

pytestmark = pytest.mark.django_db
MEETING = dt.date(2026, 9, 27)


def _strategy(status: str) -> Strategy:
    strategy = StrategyFactory(status=status)
    add_deciding_bodies(strategy.partnership)  # HWB approves, Council Cabinet and ICB adopt
    return strategy


def _status(strategy: Strategy) -> str:
    return Strategy.objects.get(pk=strategy.pk).status


def test_adoption_waits_for_every_adopting_body() -> None:
    strategy = _strategy("approved")
    first = transition(strategy.pk, "adopted", body="Council Cabinet", meeting_date=MEETING)
    assert (first.from_status, first.to_status) == ("approved", "")
    assert _status(strategy) == "approved"
    assert awaited(strategy) == {"adopted": ["ICB"]}
    assert not StrategyVersion.objects.filter(strategy=strategy).exists()
    last = transition(strategy.pk, "adopted", body="ICB", meeting_date=MEETING, minute="ICB/9")
    assert (last.from_status, last.to_status) == ("approved", "adopted")
    assert _status(strategy) == "adopted"
    assert awaited(strategy) == {}
    assert strategy.versions.latest().decision == last


def test_a_body_cannot_adopt_twice_while_waiting_for_the_others() -> None:
    strategy = _strategy("approved")
    transition(strategy.pk, "adopted", body="Council Cabinet", meeting_date=MEETING)
    with pytest.raises(ValidationError, match="Council Cabinet has already recorded its"):
        transition(strategy.pk, "adopted", body="council cabinet", meeting_date=MEETING)
    assert ApprovalDecision.objects.filter(strategy=strategy).count() == 1


def test_a_second_adoption_after_a_review_needs_every_body_again() -> None:
    strategy = _strategy("approved")
    for step, body in [("adopted", "Council Cabinet"), ("adopted", "ICB"), ("in_delivery", ""),
                       ("under_review", ""), ("revised", ""), ("approved", "HWB"),
                       ("adopted", "ICB")]:  # fmt: skip
        transition(strategy.pk, step, body=body, meeting_date=MEETING)
    assert _status(strategy) == "approved"
    assert awaited(strategy) == {"adopted": ["Council Cabinet"]}


@pytest.mark.parametrize(
    ("status", "target", "body", "message"),
    [
        ("revised", "approved", "Council Cabinet", "Council Cabinet does not approve the strategy: "
         "choose HWB."),
        ("approved", "adopted", "HWB", "HWB does not adopt the strategy: choose Council Cabinet "
         "or ICB."),
        ("draft", "consultation", "Parish council", "'Parish council' is not one of the "
         "partnership's deciding bodies (HWB, Council Cabinet, ICB)."),
        ("approved", "in_delivery", "", "A strategy cannot go from approved to in delivery: it "
         "must be adopted by Council Cabinet and ICB first."),
    ],
)  # fmt: skip
def test_steps_the_bodies_do_not_allow_are_refused_and_write_nothing(
    status: str, target: str, body: str, message: str
) -> None:
    strategy = _strategy(status)
    with pytest.raises(ValidationError) as refused:
        transition(strategy.pk, target, body=body, meeting_date=MEETING)
    assert refused.value.messages == [message]
    assert _status(strategy) == status
    assert not ApprovalDecision.objects.filter(strategy=strategy).exists()


def test_an_archived_body_is_no_longer_offered_to_decide() -> None:
    strategy = _strategy("draft")
    DecidingBody.objects.get(partnership=strategy.partnership, name="HWB").archive()
    with pytest.raises(ValidationError, match="'HWB' is not one of the partnership's"):
        transition(strategy.pk, "consultation", body="HWB", meeting_date=MEETING)


def test_without_an_approving_body_approval_is_refused_with_the_way_forward() -> None:
    strategy = StrategyFactory(status="revised")
    DecidingBodyFactory(partnership=strategy.partnership, name="Cabinet", part="adopts")
    expected = "No deciding body of the partnership is set to approve the strategy: set one"
    with pytest.raises(ValidationError, match=expected):
        transition(strategy.pk, "approved", body="Cabinet", meeting_date=MEETING)


def test_where_nobody_adopts_an_approved_strategy_goes_into_delivery() -> None:
    strategy = StrategyFactory(status="approved")
    DecidingBodyFactory(partnership=strategy.partnership, name="HWB", part="approves")
    transition(strategy.pk, "in_delivery")
    assert _status(strategy) == "in_delivery"


def test_another_partnerships_body_is_unknown_here() -> None:
    strategy = _strategy("draft")
    DecidingBodyFactory(name="Their Board")
    with pytest.raises(ValidationError, match="'Their Board' is not one of"):
        transition(strategy.pk, "consultation", body="Their Board", meeting_date=MEETING)


def test_a_renamed_body_keeps_its_earlier_decision() -> None:
    strategy = _strategy("approved")
    transition(strategy.pk, "adopted", body="Council Cabinet", meeting_date=MEETING)
    DecidingBody.objects.filter(name="Council Cabinet").update(name="County Cabinet")
    transition(strategy.pk, "adopted", body="ICB", meeting_date=MEETING)
    assert _status(strategy) == "adopted"


def test_command_says_what_an_adoption_still_waits_for() -> None:
    strategy = _strategy("approved")
    out = StringIO()
    call_command("strategy", "transition", str(strategy.pk), "adopted", "--body",
                 "Council Cabinet", "--date", "2026-10-14", stdout=out)  # fmt: skip
    assert "still approved, adopted once ICB decides" in out.getvalue()


def test_command_refuses_an_unknown_body_in_one_line_with_status_2() -> None:
    strategy = _strategy("draft")
    with pytest.raises(CommandError) as refused:
        call_command("strategy", "transition", str(strategy.pk), "consultation", "--body",
                     "The Mayor", "--date", "2026-10-14")  # fmt: skip
    assert refused.value.returncode == 2
    assert str(refused.value) == (
        "'The Mayor' is not one of the partnership's deciding bodies (HWB, Council Cabinet, ICB)."
    )
    assert not ApprovalDecision.objects.exists()
