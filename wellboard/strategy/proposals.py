"""Changes a lead officer makes to their own action that wait for an administrator.

When a strategy requires approval of updates, a lead officer's change to the fields the
board signs off (the due date and the outcome measures, ProposedChange.FIELDS) waits like
an update does: it is kept as a ProposedChange, listed by
``ProposedChange.objects.awaiting(user)``, and applied only when accepted. Their other
edits apply at once.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from wellboard.accounts.permissions import can
from wellboard.strategy.models import Action, ProposedChange
from wellboard.strategy.services import edit_action, strategy_of


def needs_approval(action: Action, user: Any) -> bool:
    """Whether this user's changes to the signed-off fields of `action` must wait."""
    return strategy_of(action).requires_approval and not can(user, "plan.edit", action)


def split_values(
    action: Action, user: Any, values: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The values to save now, and the changes that wait for approval (before/after)."""
    if not needs_approval(action, user):
        return values, {}
    now: dict[str, Any] = {}
    waiting: dict[str, dict[str, Any]] = {}
    for name, value in values.items():
        before = getattr(action, name)
        if name in ProposedChange.FIELDS and value != before:
            waiting[name] = {"before": before, "after": value}
        else:
            now[name] = value
    return now, waiting


def propose(*, action: Action, user: Any, changes: dict[str, dict[str, Any]]) -> ProposedChange:
    unknown = set(changes) - set(ProposedChange.FIELDS)
    if unknown:
        raise ValidationError(f"These fields cannot be proposed: {', '.join(sorted(unknown))}.")
    return ProposedChange.objects.create(action=action, changes=changes, proposed_by=user)


@transaction.atomic
def decide(*, change: ProposedChange, reviewer: Any, accept: bool, reason: str = "") -> None:
    """Accept (apply as a versioned edit) or reject (with a reason) a pending change.

    A change whose field was edited since it was proposed is refused, so that accepting
    an old proposal never overwrites a newer edit.
    """
    locked = ProposedChange.objects.select_for_update().get(pk=change.pk)
    if locked.status != ProposedChange.Status.PENDING:
        raise ValidationError("This change has already been decided.")
    if not accept and not reason.strip():
        raise ValidationError({"reason": "Say why the change is rejected."})
    if accept:
        action = Action.objects.get(pk=locked.action_id)
        moved = [
            ProposedChange.FIELDS.get(name, name).lower()
            for name, value in locked.changes.items()
            if getattr(action, name) != value["before"]
        ]
        if moved:
            raise ValidationError(
                f"The {' and '.join(moved)} changed since this was proposed: reject it and "
                "ask the lead officer to propose again."
            )
        values = {name: value["after"] for name, value in locked.changes.items()}
        edit_action(action_id=action.pk, version=action.version, original={}, values=values)
    locked.status = ProposedChange.Status.ACCEPTED if accept else ProposedChange.Status.REJECTED
    locked.reason = reason.strip()
    locked.decided_by = reviewer
    locked.decided_at = timezone.now()
    locked.save()
    change.refresh_from_db()
