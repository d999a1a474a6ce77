"""`wellboard load` refreshes the kept delivery once per plan it wrote, not once per row,
and leaves every action's kept delivery equal to its history (issue #17.1)."""

from __future__ import annotations

from importlib import resources
from io import StringIO

import pytest
from django.core.management import call_command

from tests.strategy.current_checks import assert_current, counting
from tests.strategy.test_delivery_current import assert_same
from wellboard.strategy.models import Action, ProgressUpdate, Strategy

pytestmark = pytest.mark.django_db


def test_loading_the_demo_document_refreshes_once_per_plan() -> None:
    document = resources.files("wellboard.demo").joinpath("demo_plan.json")
    with resources.as_file(document) as path, counting() as counted:
        call_command("load", str(path), stdout=StringIO())
    strategy = Strategy.objects.get()
    actions = Action.objects.in_strategy(strategy)
    written = actions.count() + ProgressUpdate.objects.filter(action__in=actions).count()
    plans = list(strategy.plans.all())
    assert len(plans) > 1 and written > 100
    assert counted.refreshes == len(plans)  # was one per action and per action's updates
    assert assert_current(actions) == actions.count()
    for plan in plans:
        assert_same(plan)
