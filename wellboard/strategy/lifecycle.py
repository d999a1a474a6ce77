"""Moving a strategy along its lifecycle, with the decision recorded in the same step.

The rules are wellboard.core.lifecycle's table; here the step and its record (who, when,
which body, the meeting date, the minute) are written in one transaction, so a refused or
failed step leaves neither a changed status nor a stray record. Records are never deleted.

Deciding bodies are the partnership's own (partnerships.deciding_bodies): a step names one
of them. Approval and adoption are joint: with two adopting bodies (the council's Cabinet
and the ICB), the first adoption is recorded with the strategy still approved, and the
second moves it to adopted. Each step that moves the status keeps a version of the text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from wellboard.core.lifecycle import (
    JOINT,
    LABELS,
    body_refusal,
    refusal,
    skipped_adoption,
    still_to_decide,
)
from wellboard.partnerships.models import DecidingBody
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
    """Record the body's decision to move the strategy to `target`, and move it when the
    decision is complete; ValidationError with a one-line reason when refused.

    `body` names one of the partnership's deciding bodies. `expected` is the status the
    form was drawn with: a form left open while someone else moved the strategy is
    refused rather than applied to a status nobody saw. The record's `to_status` is empty
    when the step still waits for other bodies (see `awaited`)."""
    with transaction.atomic():
        strategy = Strategy.objects.select_for_update().get(pk=strategy_id)
        current = strategy.status
        if expected is not None and expected != current:
            raise ValidationError(
                f"The strategy was moved to {strategy.get_status_display().lower()} "
                "since this page was opened: check its history and try again."
            )
        chosen = _body(strategy, body)
        name = chosen.name if chosen else ""
        if reason := refusal(current, target, body=name, meeting_date=meeting_date):
            raise ValidationError(reason)
        waiting = _joint_check(strategy, target, chosen)
        record = ApprovalDecision.objects.create(
            strategy=strategy,
            body=name or "Recorded by an administrator",
            deciding_body=chosen,
            date=meeting_date,
            decision=DECISION_FOR.get(target, ApprovalDecision.Decision.NOTED),
            from_status=current,
            to_status="" if waiting else target,
            minute_reference=minute.strip(),
            recorded_by=user,
        )
        if not waiting:
            strategy.status = target
            strategy.save(update_fields=["status", "updated_at"])
            save_version(strategy, user, _version_label(record), decision=record)
        return record


def _body(strategy: Strategy, name: str) -> DecidingBody | None:
    """The partnership's active body of that name; an unknown name is refused."""
    if not name.strip():
        return None
    bodies = DecidingBody.objects.filter(partnership_id=strategy.partnership_id)
    found = bodies.named(name)
    if found is None:
        known = ", ".join(b.name for b in bodies.active()) or "none is set up yet"
        raise ValidationError(f"{name.strip()!r} is not one of the partnership's deciding "
                              f"bodies ({known}).")  # fmt: skip
    return found


def _joint_check(strategy: Strategy, target: str, chosen: DecidingBody | None) -> list[str]:
    """Refuse a joint step the body has no part in; the bodies still awaited after it."""
    bodies = DecidingBody.objects.filter(partnership_id=strategy.partnership_id).active()
    adopting = [b.name for b in bodies if b.part == DecidingBody.Part.ADOPTS]
    if reason := skipped_adoption(strategy.status, target, adopting):
        raise ValidationError(reason)
    if target not in JOINT or chosen is None:
        return []
    with_part = [b.name for b in bodies if b.part == JOINT[target]]
    already = _decided_since_last_step(strategy, target)
    if reason := body_refusal(target, chosen.name, chosen.part, with_part, already):
        raise ValidationError(reason)
    return still_to_decide(with_part, already, chosen.name)


def _decided_since_last_step(strategy: Strategy, target: str) -> list[str]:
    """Bodies that took the joint step toward `target` since the status last moved."""
    last_move = strategy.approvals.exclude(to_status="").order_by("-id").first()
    decided = strategy.approvals.filter(
        from_status=strategy.status,
        to_status="",
        decision=DECISION_FOR[target],
        id__gt=last_move.pk if last_move else 0,
    )
    # By the body's present name, so that renaming a body halfway still counts its decision.
    records = decided.select_related("deciding_body").order_by("id")
    return [r.deciding_body.name if r.deciding_body else r.body for r in records]


def awaited(strategy: Strategy) -> dict[str, list[str]]:
    """For each joint step open from the present status, the bodies yet to decide on it
    ({"adopted": ["NHS ... ICB"]} after the Cabinet adopted), for the pages to say so."""
    bodies = DecidingBody.objects.filter(partnership_id=strategy.partnership_id).active()
    open_steps = {}
    for target, part in JOINT.items():
        if already := _decided_since_last_step(strategy, target):
            with_part = [b.name for b in bodies if b.part == part]
            open_steps[target] = still_to_decide(with_part, already, "")
    return open_steps


def _version_label(record: ApprovalDecision) -> str:
    """ "Approved: Health and Wellbeing Board, 20 Jun 2024" for the version a step keeps."""
    when = f", {record.date.strftime('%-d %b %Y')}" if record.date else ""
    return f"{LABELS[record.to_status]}: {record.body}{when}"


def approval_history(strategy: Strategy) -> list[ApprovalDecision]:
    """The strategy's decisions by meeting date (undated ones first, the same on SQLite and
    PostgreSQL), then in the order recorded, for its pages and reports."""
    by_date = F("date").asc(nulls_first=True)
    return list(strategy.approvals.select_related("recorded_by").order_by(by_date, "id"))
