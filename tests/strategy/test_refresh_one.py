"""One action's kept delivery refreshed by the statement compiled once per process
(delivery_cache.refresh_one, which every web write runs): the same columns as
refresh_delivery computes, for that action only."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import ActionFactory, PriorityFactory, UpdateFactory
from tests.strategy.current_checks import assert_current, counting
from wellboard.strategy import delivery_cache
from wellboard.strategy.delivery_cache import refresh_delivery, refresh_one
from wellboard.strategy.models import Action, ProgressUpdate, UpdateReview

pytestmark = pytest.mark.django_db

SCRAMBLED = {"current_update": None, "current_rag": "red", "current_percent": 7}


def varied_actions() -> list[Action]:
    """Actions with no update, dated and undated updates, a correction, a pending and an
    approved review, an update without a RAG, percentages given and not."""
    priority = PriorityFactory()
    actions = [ActionFactory(priority=priority, due_end=dt.date(2026, 3, 31)) for _ in range(4)]
    first, second, third, _none = actions
    UpdateFactory(action=first, date=dt.date(2025, 5, 1), rag="green", percent_complete=40)
    wrong = UpdateFactory(action=first, date=dt.date(2025, 6, 1), rag="red")
    UpdateFactory(action=first, date=dt.date(2025, 6, 1), rag="amber", supersedes=wrong)
    UpdateFactory(action=second, date=None, rag="amber")
    UpdateFactory(action=second, date=dt.date(2025, 7, 1), rag="", percent_complete=90)
    pending = UpdateFactory(action=third, date=dt.date(2025, 8, 1), rag="complete")
    UpdateReview.objects.create(update=pending)
    approved = UpdateFactory(action=third, date=dt.date(2025, 7, 1), rag="green")
    UpdateReview.objects.create(update=approved, decision="approved")
    return actions


def test_refresh_one_keeps_what_the_history_says_for_that_action_only() -> None:
    actions = varied_actions()
    assert ProgressUpdate.objects.count() == 7
    for action in actions:
        Action.objects.filter(pk__in=[a.pk for a in actions]).update(**SCRAMBLED)
        with counting() as counted:
            assert refresh_one(action.pk) == 1
        assert counted.refreshes == 1 and counted.statements == 1
        assert_current(Action.objects.filter(pk=action.pk))
        others = Action.objects.exclude(pk=action.pk).filter(pk__in=[a.pk for a in actions])
        assert set(others.values_list("current_rag", flat=True)) == {"red"}, "others untouched"


def test_refresh_one_writes_the_columns_refresh_delivery_writes() -> None:
    actions = varied_actions()
    ids = [a.pk for a in actions]
    refresh_delivery(Action.objects.filter(pk__in=ids))
    columns = ("current_update_id", "current_rag", "current_percent", "last_update_on")
    expected = list(Action.objects.filter(pk__in=ids).order_by("pk").values_list(*columns))
    Action.objects.filter(pk__in=ids).update(**SCRAMBLED, last_update_on=None)
    for pk in ids:
        refresh_one(pk)
    assert list(Action.objects.filter(pk__in=ids).order_by("pk").values_list(*columns)) == expected


def test_the_statement_is_compiled_once() -> None:
    action = varied_actions()[0]
    delivery_cache._SINGLE.clear()
    refresh_one(action.pk)
    kept = dict(delivery_cache._SINGLE)
    refresh_one(action.pk)
    assert len(kept) == 1 and kept == delivery_cache._SINGLE
    ((_sql, params, at),) = kept.values()
    assert params[at] == delivery_cache._STAND_IN, "the id is a parameter, put in per call"
