"""The demo strategy's approval history, step by step, on its pages."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from wellboard.core.text_compare import compare
from wellboard.strategy.lifecycle import approval_history, transition
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
    adoptions = [
        (r.body, r.to_status) for r in approval_history(strategy) if r.decision == "adopted"
    ]
    assert adoptions == [
        ("Elmbridge Vale County Council Cabinet", ""),  # waited for the ICB
        ("NHS Elmbridge Vale Integrated Care Board", "adopted"),
    ]
    parts = dict(strategy.partnership.deciding_bodies.values_list("name", "part"))
    assert parts["Health and Wellbeing Board"] == "approves"
    assert parts["NHS Elmbridge Vale Integrated Care Board"] == "adopts"
    assert all(r.deciding_body for r in approval_history(strategy))
    page = Client().get(f"/public/strategies/{strategy.pk}/").content.decode()
    assert "CAB/24/112" in page
    assert "Revised to Approved" in page


def test_loading_the_demo_again_adds_no_second_history() -> None:
    call_command("demo", stdout=StringIO())
    count = ApprovalDecision.objects.count()
    call_command("demo", stdout=StringIO())
    assert ApprovalDecision.objects.count() == count == 6


def test_the_demo_history_is_one_the_rules_allow() -> None:
    """Replayed step by step through the lifecycle service on a fresh strategy of the demo
    partnership, the demo's history is accepted and ends where the demo strategy is."""
    call_command("demo", stdout=StringIO())
    demo = Strategy.objects.get()
    fresh = Strategy.objects.create(partnership=demo.partnership, title="Replay")
    for record in approval_history(demo):
        target = record.to_status or "adopted"
        transition(fresh.pk, target, body=record.body if record.deciding_body else "",
                   meeting_date=record.date, minute=record.minute_reference)  # fmt: skip
    fresh.refresh_from_db()
    assert fresh.status == demo.status == "in_delivery"


def test_the_demo_has_a_consultation_draft_and_the_approved_text_to_compare() -> None:
    call_command("demo", stdout=StringIO())
    strategy = Strategy.objects.get()
    # The versions kept at lifecycle steps; the open consultation keeps one more of its own.
    draft, approved = strategy.versions.filter(decision__isnull=False).order_by("number")
    assert (draft.decision.to_status, approved.decision.to_status) == ("consultation", "approved")  # type: ignore[union-attr]
    rows = [row for row in compare(draft.text, approved.text) if row.changed]
    labels = {row.label for row in rows}
    assert "Vision" in labels
    assert any(label.endswith(": description") for label in labels)
    kept = strategy.versions.count()
    call_command("demo", stdout=StringIO())
    assert strategy.versions.count() == kept
