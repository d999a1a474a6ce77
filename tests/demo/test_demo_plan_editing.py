"""The demo shows plan editing's records: a due-date change waiting for approval, and the
Staying Healthy plan counted under the priority it delivers."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from wellboard.demo.services import load_demo
from wellboard.strategy.delivery import plan_delivery
from wellboard.strategy.models import Action, ProposedChange

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_change_awaiting_the_administrator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WELLBOARD_DEMO_PASSWORD", "a-long-demo-passphrase")
    strategy = load_demo().strategy
    load_demo()  # a second load adds no second change
    admin = User.objects.get(username="admin")
    waiting = list(ProposedChange.objects.awaiting(admin))
    assert len(waiting) == 1
    assert waiting[0].changes["due_text"]["after"] == "September 2027"
    assert waiting[0].proposed_by == User.objects.get(username="lead1")
    assert not ProposedChange.objects.awaiting(User.objects.get(username="lead1")).exists()
    main = strategy.main_plan
    assert main is not None
    state = plan_delivery(main, timezone.localdate())
    # The Staying Healthy sub-plan's five actions and its copy of 4.6 (demo/duplicates.py).
    assert state.counts.total == Action.objects.in_plan(main).count() + 6
