"""The demo strategy's approval history, step by step, on its pages."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from wellboard.strategy.lifecycle import approval_history
from wellboard.strategy.models import ApprovalDecision, Strategy

pytestmark = pytest.mark.django_db


def test_the_demo_strategy_went_from_draft_to_delivery() -> None:
    call_command("demo", stdout=StringIO())
    strategy = Strategy.objects.get()
    steps = [(r.from_status, r.to_status) for r in approval_history(strategy) if r.to_status]
    assert steps == [
        ("draft", "consultation"), ("consultation", "revised"), ("revised", "approved"),
        ("approved", "adopted"), ("adopted", "in_delivery"),
    ]  # fmt: skip
    assert strategy.status == "in_delivery"
    assert all(r.minute_reference for r in approval_history(strategy))
    page = Client().get(f"/public/strategies/{strategy.pk}/").content.decode()
    assert "CAB/24/112" in page
    assert "Revised to Approved" in page


def test_loading_the_demo_again_adds_no_second_history() -> None:
    call_command("demo", stdout=StringIO())
    count = ApprovalDecision.objects.count()
    call_command("demo", stdout=StringIO())
    assert ApprovalDecision.objects.count() == count == 6
