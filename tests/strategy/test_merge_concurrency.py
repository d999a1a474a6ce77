"""Two administrators merge the same pair in opposite directions at once (issue #12.10).

Before, each transaction locked one action's rows and waited for the other's: PostgreSQL
broke the deadlock by failing one with a server error. Now both actions are locked in id
order first, so one merge runs and the other is told the pair is already merged.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from tests.factories import ActionFactory, PriorityFactory, UpdateFactory
from wellboard.partnerships.models import ActionMerge
from wellboard.strategy import duplicates
from wellboard.strategy.models import Action, ProgressUpdate

pytestmark = pytest.mark.django_db(transaction=True)


def test_opposite_merges_at_once_give_one_merge_and_one_clear_refusal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row locks and deadlocks need PostgreSQL")
    priority = PriorityFactory()
    first = ActionFactory(priority=priority, title="Stop smoking in pregnancy")
    second = ActionFactory(priority=priority, title="Pregnant women stop smoking")
    for action in (first, second):
        for n in range(3):
            UpdateFactory(action=action, text=f"{action.title} {n}")
    partnership = priority.theme.plan.strategy.partnership
    both_started = threading.Barrier(2, timeout=10)
    checked = duplicates._same_partnership

    def check_then_wait(*args: Any) -> None:
        checked(*args)
        both_started.wait()  # both transactions are open before either moves a row

    monkeypatch.setattr(duplicates, "_same_partnership", check_then_wait)
    outcomes: list[object] = []

    def merge(kept: Action, removed: Action) -> None:
        try:
            duplicates.merge_actions(
                partnership=partnership,
                kept=Action.objects.get(pk=kept.pk),
                removed=Action.objects.get(pk=removed.pk),
                user=None,
            )
            outcomes.append("merged")
        except Exception as exc:  # the test is what was raised
            outcomes.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=merge, args=(first, second)),
        threading.Thread(target=merge, args=(second, first)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes.count("merged") == 1, outcomes
    [refusal] = [o for o in outcomes if o != "merged"]
    assert isinstance(refusal, ValidationError), repr(refusal)
    assert "already been merged" in str(refusal)
    assert Action.objects.filter(pk__in=[first.pk, second.pk]).count() == 1
    assert ProgressUpdate.objects.count() == 6  # every update kept, on the kept action
    assert ActionMerge.objects.count() == 1
