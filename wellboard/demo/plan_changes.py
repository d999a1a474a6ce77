"""The demo's proposed change: lead officer `lead1` has asked to move the due date of one
of their actions, and it waits in the administrator's approvals queue."""

from __future__ import annotations

from django.contrib.auth.models import User

from wellboard.strategy.models import Action, ProposedChange, Strategy

NEW_DUE = "September 2027"


def add_proposed_change(strategy: Strategy) -> ProposedChange | None:
    """One pending due-date change by lead1, made once (a second load adds none)."""
    lead = User.objects.filter(username="lead1").first()
    membership = lead.memberships.filter(partnership=strategy.partnership).first() if lead else None
    if membership is None or membership.person_id is None:
        return None
    actions = Action.objects.in_strategy(strategy).active()
    if ProposedChange.objects.filter(action__in=actions).exists():
        return None
    action = actions.filter(lead_officer_id=membership.person_id).exclude(due_text=NEW_DUE).first()
    if action is None:
        return None
    changes = {"due_text": {"before": action.due_text, "after": NEW_DUE}}
    return ProposedChange.objects.create(action=action, changes=changes, proposed_by=lead)
