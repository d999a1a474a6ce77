"""Moving a strategy along its lifecycle, with the decision recorded in the same step.

The rules are wellboard.core.lifecycle's table; here the step and its record (who, when,
which body, the meeting date, the minute) are written in one transaction, so a refused or
failed step leaves neither a changed status nor a stray record. Records are never deleted.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from wellboard.core.lifecycle import LABELS, refusal
from wellboard.strategy.models import ApprovalDecision, Strategy
from wellboard.strategy.versions import save_version

# The decision a step records, in the words boards minute it with.
DECISION_FOR = {
    "consultation": ApprovalDecision.Decision.CONSULTATION_AGREED,
    "approved": ApprovalDecision.Decision.APPROVED,
    "adopted": ApprovalDecision.Decision.ADOPTED,
}


def transition(
    strategy_id: int,
    target: str,
    *,
    body: str = "",
    meeting_date: dt.date | None = None,
    minute: str = "",
    user: Any = None,
    expected: str | None = None,
) -> ApprovalDecision:
    """Move the strategy to `target` and record the decision; ValidationError when refused.

    `expected` is the status the form was drawn with: a form left open while someone else
    moved the strategy is refused rather than applied to a status nobody saw."""
    with transaction.atomic():
        strategy = Strategy.objects.select_for_update().get(pk=strategy_id)
        current = strategy.status
        if expected is not None and expected != current:
            raise ValidationError(
                f"The strategy was moved to {strategy.get_status_display().lower()} "
                "since this page was opened: check its history and try again."
            )
        if reason := refusal(current, target, body=body, meeting_date=meeting_date):
            raise ValidationError(reason)
        strategy.status = target
        strategy.save(update_fields=["status", "updated_at"])
        record = ApprovalDecision.objects.create(
            strategy=strategy,
            body=body.strip() or "Recorded by an administrator",
            date=meeting_date,
            decision=DECISION_FOR.get(target, ApprovalDecision.Decision.NOTED),
            from_status=current,
            to_status=target,
            minute_reference=minute.strip(),
            recorded_by=user,
        )
        save_version(strategy, user, _version_label(record), decision=record)
        return record


def _version_label(record: ApprovalDecision) -> str:
    """ "Approved: Health and Wellbeing Board, 20 Jun 2024" for the version a step keeps."""
    when = f", {record.date.strftime('%-d %b %Y')}" if record.date else ""
    return f"{LABELS[record.to_status]}: {record.body}{when}"


def approval_history(strategy: Strategy) -> list[ApprovalDecision]:
    """The strategy's decisions by meeting date (undated ones first, the same on SQLite and
    PostgreSQL), then in the order recorded, for its pages and reports."""
    by_date = F("date").asc(nulls_first=True)
    return list(strategy.approvals.select_related("recorded_by").order_by(by_date, "id"))
