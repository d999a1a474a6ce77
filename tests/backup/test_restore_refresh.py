"""A restore works out each action's kept delivery (left out of backups) once per plan at
its end, not row by row, and it equals the history (issue #17.1)."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from tests.backup.test_round_trip import _empty_database
from tests.strategy.current_checks import assert_current, counting
from tests.strategy.test_delivery_current import assert_same
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Action, Plan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_content_types() -> Iterator[None]:
    yield
    ContentType.objects.clear_cache()


def test_restore_refreshes_once_per_plan(rich_partnership: Partnership, tmp_path: Path) -> None:
    out = tmp_path / "vale.json"
    call_command("backup", "--partnership", str(rich_partnership.pk), "--out", str(out))
    _empty_database()
    with counting() as counted:
        call_command("restore", str(out), stdout=StringIO())
    plans = Plan.objects.filter(themes__priorities__actions__isnull=False).distinct()
    assert counted.refreshes == plans.count() < Action.objects.count()
    assert assert_current() == Action.objects.count()
    for plan in plans:
        assert_same(plan)
