"""`wellboard demo` and `wellboard demo --scale N` refresh the kept delivery in bulk (once
per plan, and in one statement for the national build), and leave every action's kept
delivery and every page's roll-up equal to what the history says (issue #17.1)."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from tests.strategy.current_checks import assert_current, counting
from tests.strategy.test_delivery_current import assert_same
from wellboard.demo.national import ACTIONS, COPIED, PRIORITIES, THEMES, UPDATES
from wellboard.strategy.models import Action, Plan, ProgressUpdate

pytestmark = pytest.mark.django_db


def test_the_demo_refreshes_once_per_plan() -> None:
    with counting() as counted:
        call_command("demo", stdout=StringIO())
    plans = Plan.objects.filter(themes__priorities__actions__isnull=False).distinct()
    updates = ProgressUpdate.objects.count()
    assert counted.refreshes == plans.count() > 1
    assert updates > 100  # each of which refreshed its action, one statement each, before
    assert assert_current() == Action.objects.count()
    for plan in plans:
        assert_same(plan)


def _constraints() -> dict[str, Any]:
    with connection.cursor() as cursor:
        return {
            m._meta.db_table: connection.introspection.get_constraints(cursor, m._meta.db_table)
            for m in COPIED
        }


def test_a_national_scale_build_refreshes_in_one_statement() -> None:
    before = _constraints()
    with counting() as counted:
        call_command("demo", "--scale", "1", stdout=StringIO())
    actions = THEMES * PRIORITIES * ACTIONS
    assert Action.objects.count() == actions
    assert ProgressUpdate.objects.count() == actions * UPDATES
    assert counted.refreshes == 1
    # The indexes and constraints dropped for the COPY on PostgreSQL are all back.
    assert _constraints() == before
    assert assert_current() == actions
    for plan in Plan.objects.all():
        assert_same(plan)
