"""The kept delivery after the bulk writes that bypass signals: re-import and merge
(restore: tests/backup/test_round_trip.py), each refreshed once per plan it touched."""

from __future__ import annotations

import copy
import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import User

from tests.strategy.current_checks import assert_current, counting
from tests.strategy.test_delivery_current import assert_same
from wellboard.exchange.export import export_strategy
from wellboard.exchange.load import load_strategy
from wellboard.strategy.duplicates import merge_actions
from wellboard.strategy.models import Action, Strategy

pytestmark = pytest.mark.django_db


def test_the_demo_starts_consistent(demo: Strategy) -> None:
    assert assert_current(Action.objects.in_strategy(demo)) > 20


def test_the_demo_pages_read_what_the_history_says(demo: Strategy) -> None:
    assert demo.main_plan is not None
    assert_same(demo.main_plan)


def test_the_migration_fills_every_action_from_its_updates(demo: Strategy) -> None:
    migration = importlib.import_module("wellboard.strategy.migrations.0013_current_delivery")
    Action.objects.update(
        current_rag="red", current_percent=0, current_update=None, last_update_on=None
    )
    migration.fill(django_apps, None)
    assert assert_current(Action.objects.in_strategy(demo)) > 20


def test_a_re_import_with_new_updates_keeps_every_action_current(demo: Strategy) -> None:
    document: dict[str, Any] = copy.deepcopy(export_strategy(demo))
    changed = 0
    themes = [t for part in (document, *document["plans"]) for t in part["themes"]]
    for theme in themes:  # the main plan's and the delegated plan's
        for priority in theme["priorities"]:
            for action in priority["actions"]:
                action["updates"].append(
                    {"date": "2026-11-01", "text": "Now complete.", "rag": "complete",
                     "percent_complete": None, "author": "Lead", "evidence_url": "",
                     "date_text": ""}
                )  # fmt: skip
                changed += 1
    complete = Action.objects.in_strategy(demo).filter(current_rag="complete")
    before = complete.count()
    with counting() as counted:
        load_strategy(document, strategy=demo)
    assert changed > 0 and complete.count() > before
    plans = demo.plans.filter(themes__priorities__actions__isnull=False).distinct().count()
    assert counted.refreshes == plans < changed  # once per plan, not once per action
    assert_current(Action.objects.in_strategy(demo))
    for plan in demo.plans.all():
        assert_same(plan)


def test_a_merge_moves_the_updates_and_the_kept_delivery_follows(demo: Strategy) -> None:
    actions = list(Action.objects.in_strategy(demo).active().order_by("pk"))
    removed = next(a for a in actions if a.updates.exists())
    kept = next(a for a in actions if a.pk != removed.pk and not a.updates.exists())
    admin = User.objects.get(username="admin")
    with counting() as counted:
        merge_actions(partnership=demo.partnership, kept=kept, removed=removed, user=admin)
    assert counted.refreshes == 1
    kept.refresh_from_db()
    assert kept.current_update_id is not None
    assert_current(Action.objects.in_strategy(demo))
