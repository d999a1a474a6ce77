from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.factories import ActionFactory, StrategyFactory, UpdateFactory
from wellboard.strategy.delivery import action_state
from wellboard.strategy.models import DeliveryStatus, ProgressUpdate, Strategy

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.django_db


def test_strategy_follows_the_board_lifecycle() -> None:
    strategy = StrategyFactory(status=Strategy.Status.DRAFT)
    steps = ["consultation", "revised", "approved", "adopted", "in_delivery", "under_review"]
    for step in [*steps, "closed"]:
        strategy.move_to(step)
    assert strategy.status == "closed"


def test_strategy_refuses_to_skip_consultation_back_from_delivery() -> None:
    strategy = StrategyFactory(status=Strategy.Status.IN_DELIVERY)
    with pytest.raises(ValidationError, match="cannot go from in delivery to draft"):
        strategy.move_to("draft")
    assert strategy.status == "in_delivery"


def test_strategy_period_cannot_end_before_it_starts() -> None:
    strategy = StrategyFactory.build(period_start=2027, period_end=2024)
    with pytest.raises(ValidationError):
        strategy.clean()


def test_action_with_no_updates_is_not_started() -> None:
    action = ActionFactory(due_end=dt.date(2027, 3, 31))
    assert action.status_on(TODAY) == DeliveryStatus.NOT_STARTED


def test_action_status_comes_from_its_latest_dated_update() -> None:
    action = ActionFactory(due_end=dt.date(2027, 3, 31))
    UpdateFactory(action=action, date=dt.date(2026, 9, 1), rag="green")
    UpdateFactory(action=action, date=dt.date(2026, 11, 1), rag="red")
    UpdateFactory(action=action, date=dt.date(2026, 6, 1), rag="amber")  # entered late
    assert action.status_on(TODAY) == DeliveryStatus.RED


def test_action_past_due_and_not_complete_is_overdue() -> None:
    action = ActionFactory(due_end=dt.date(2026, 3, 31))
    UpdateFactory(action=action, date=dt.date(2026, 2, 1), rag="green")
    assert action.status_on(TODAY) == DeliveryStatus.OVERDUE


def test_complete_action_past_due_is_complete_not_overdue() -> None:
    action = ActionFactory(due_end=dt.date(2026, 3, 31))
    UpdateFactory(action=action, date=dt.date(2026, 3, 1), rag="complete")
    assert action.status_on(TODAY) == DeliveryStatus.COMPLETE


def test_ongoing_action_is_never_overdue() -> None:
    action = ActionFactory(due_end=dt.date(2025, 3, 31), ongoing=True)
    UpdateFactory(action=action, date=dt.date(2026, 10, 1), rag="amber")
    assert action.status_on(TODAY) == DeliveryStatus.AMBER


def test_action_without_update_for_ninety_days_is_stale() -> None:
    action = ActionFactory()
    UpdateFactory(action=action, date=TODAY - dt.timedelta(days=91))
    assert action.is_stale_on(TODAY)
    UpdateFactory(action=action, date=TODAY - dt.timedelta(days=10))
    assert not action.is_stale_on(TODAY)


def test_progress_updates_are_append_only() -> None:
    update = UpdateFactory(text="First draft")
    update.text = "Rewritten history"
    with pytest.raises(ValidationError, match="append-only"):
        update.save()
    assert ProgressUpdate.objects.get(pk=update.pk).text == "First draft"


def test_set_due_keeps_the_wording_and_parses_it() -> None:
    action = ActionFactory.build()
    action.set_due("2014/15")
    assert action.due_text == "2014/15"
    assert (action.due_start, action.due_end) == (dt.date(2014, 4, 1), dt.date(2015, 3, 31))
    assert action.due_precision == "financial_year"
    action.set_due("On going")
    assert action.ongoing and action.due_end is None


def test_a_complete_action_is_never_counted_as_stale() -> None:
    action = ActionFactory(due_end=dt.date(2026, 3, 31))
    UpdateFactory(action=action, date=dt.date(2026, 3, 1), rag="complete")
    assert action.is_stale_on(TODAY)
    assert not action_state(action, TODAY).stale
