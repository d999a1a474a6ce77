"""Each action's kept delivery equals its history after any sequence of writes.

A property test: Hypothesis draws sequences of the writes the app makes (updates with and
without a RAG, percentage or date, approval switched on and off, approvals and returns,
corrections, action edits, archiving) and after each step every action's kept columns
must equal what its counted updates say, in Python and in SQL, on several days.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ActionFactory, PriorityFactory, StrategyFactory, ThemeFactory
from tests.strategy.current_checks import assert_current
from wellboard.strategy.delivery_bulk import refresh_delivery_set
from wellboard.strategy.delivery_cache import refresh_delivery
from wellboard.strategy.models import Action, ProgressUpdate, Strategy, UpdateReview
from wellboard.strategy.services import add_update, review_update

pytestmark = pytest.mark.django_db

START = dt.date(2025, 1, 1)
RAGS = ["", "green", "amber", "red", "complete", "not_started"]


def small_plan() -> tuple[Strategy, list[Action]]:
    strategy = StrategyFactory()
    theme = ThemeFactory(plan__strategy=strategy)
    priority = PriorityFactory(theme=theme)
    dues = [None, dt.date(2025, 12, 31), dt.date(2026, 6, 30), dt.date(2027, 3, 31)]
    actions = [
        ActionFactory(priority=priority, due_end=due, ongoing=(i == 3), percent_complete=None)
        for i, due in enumerate(dues)
    ]
    return strategy, actions


percent = st.one_of(st.none(), st.integers(0, 100))
day = st.integers(0, 600).map(lambda n: START + dt.timedelta(days=n))
undated_or_day = st.one_of(st.none(), day)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("update"), st.integers(0, 3), st.sampled_from(RAGS), percent, day),
        st.tuples(st.just("note"), st.integers(0, 3), st.sampled_from(RAGS), undated_or_day),
        st.tuples(st.just("approval"), st.booleans()),
        st.tuples(st.just("review"), st.integers(0, 30), st.booleans()),
        st.tuples(st.just("correct"), st.integers(0, 30), st.sampled_from(RAGS), percent, day),
        st.tuples(st.just("edit"), st.integers(0, 3), percent, undated_or_day),
        st.tuples(st.just("archive"), st.integers(0, 3)),
    ),
    min_size=1,
    max_size=10,
)


def apply(step: tuple[Any, ...], strategy: Strategy, actions: list[Action]) -> None:
    kind, *args = step
    if kind == "update":
        index, rag, pct, on = args
        add_update(action=actions[index], author=None, author_name="Lead", date=on, rag=rag,
                   text="Progress", percent_complete=pct, override_reason="Why")  # fmt: skip
    elif kind == "note":  # an imported note: undated, written without the service
        index, rag, on = args
        ProgressUpdate.objects.create(action=actions[index], date=on, rag=rag, text="Note")
    elif kind == "approval":
        strategy.requires_approval = args[0]
        strategy.save()
    elif kind == "review":
        pending = list(UpdateReview.objects.filter(decision="pending").order_by("pk"))
        if pending:
            review = pending[args[0] % len(pending)]
            review_update(update=review.update, reviewer=None, approve=args[1], reason="Why")
    elif kind == "correct":
        updates = list(ProgressUpdate.objects.order_by("pk"))
        if updates:
            earlier = updates[args[0] % len(updates)]
            add_update(action=earlier.action, author=None, author_name="Lead", date=args[3],
                       rag=args[1], text="Corrected", percent_complete=args[2],
                       override_reason="Why", supersedes=earlier)  # fmt: skip
    elif kind == "edit":
        action = Action.objects.get(pk=actions[args[0]].pk)
        action.percent_complete, action.due_end = args[1], args[2]
        action.save()
    else:
        Action.objects.get(pk=actions[args[0]].pk).archive()


@given(steps)
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_kept_delivery_equals_the_history_after_every_write(db: None, sequence: Any) -> None:
    with transaction.atomic():
        strategy, actions = small_plan()
        assert_current()
        for step in sequence:
            apply(step, strategy, actions)
            assert assert_current() == 4
        transaction.set_rollback(True)


@given(steps)
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_the_set_based_refresh_gives_what_the_history_says(db: None, sequence: Any) -> None:
    """The national build's one statement (delivery_bulk.py) over the same writes."""
    with transaction.atomic():
        strategy, actions = small_plan()
        for step in sequence:
            apply(step, strategy, actions)
        Action.objects.update(
            current_rag="red", current_percent=7, current_update=None, last_update_on=START
        )
        assert refresh_delivery_set(Action.objects.all()) == 4
        assert assert_current() == 4
        transaction.set_rollback(True)


def test_a_new_action_starts_from_its_own_percentage() -> None:
    action = ActionFactory(percent_complete=40)
    action.refresh_from_db()
    assert (action.current_rag, action.current_percent, action.current_update_id) == (
        "not_started", 40, None,
    )  # fmt: skip


def test_refresh_and_the_command_put_back_columns_written_wrong() -> None:
    _, actions = small_plan()
    add_update(action=actions[1], author=None, author_name="Lead", date=dt.date(2026, 5, 1),
               rag="amber", text="Slipping", percent_complete=None)  # fmt: skip
    Action.objects.update(current_rag="complete", current_percent=99, last_update_on=None)
    with pytest.raises(AssertionError):
        assert_current()
    call_command("strategy", "refresh-delivery")
    assert assert_current() == 4
    Action.objects.update(current_rag="red", current_update=None)
    assert refresh_delivery(Action.objects.filter(pk=actions[1].pk)) == 1
    assert_current(Action.objects.filter(pk=actions[1].pk))
