"""Workflows that change delivery records: each one transaction, each checked first.

Views call these after the permission layer has said yes; these enforce what is true
whoever calls them (locks, approval, the override reason, optimistic concurrency).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wellboard.base.scoping import partnership_id_of
from wellboard.core.delivery import status_words
from wellboard.strategy.models import (
    Action,
    ActionComment,
    Milestone,
    ProgressUpdate,
    ProposalDecision,
    Rag,
    RoleType,
    Strategy,
    UpdateReview,
)

EDITABLE_ACTION_FIELDS = ("title", "description", "outcome_measures", "role_type", "due_text")


def strategy_of(action: Action) -> Strategy:
    return action.priority.theme.plan.strategy


def check_not_locked(strategy: Strategy, on: dt.date | None) -> None:
    if strategy.locked_through and (on is None or on <= strategy.locked_through):
        locked = strategy.locked_through.strftime("%-d %B %Y")
        raise ValidationError(
            {"date": f"Reporting is locked up to {locked}: the board paper is out."}
        )


def needs_reason(rag: str, suggested: str) -> bool:
    """Off track (red), or a status other than the calendar's suggestion, is explained."""
    return rag == Rag.RED or bool(suggested and rag != suggested)


def check_status_reason(rag: str, suggested: str, reason: str) -> None:
    if not needs_reason(rag, suggested) or reason.strip():
        return
    if rag == Rag.RED:
        message = f"Say why the action is {status_words(rag).lower()}."
    else:
        message = (
            f"Say why the status is {status_words(rag).lower()} when "
            f"{status_words(suggested).lower()} is suggested."
        )
    raise ValidationError({"override_reason": message})


def check_not_future(on: dt.date | None) -> None:
    """An update dated after tomorrow would freeze a status until that day comes; a day's
    grace allows for time zones and for writing the evening before a meeting."""
    latest = timezone.localdate() + dt.timedelta(days=1)
    if on is not None and on > latest:
        raise ValidationError(
            {"date": f"An update cannot be dated after {latest.strftime('%-d %B %Y')}."}
        )


@dataclass(frozen=True)
class NewMilestone:
    milestone: Milestone
    due_end: dt.date


@transaction.atomic
def add_update(
    *,
    action: Action,
    author: Any,
    date: dt.date,
    rag: str,
    text: str,
    percent_complete: int | None,
    evidence_url: str = "",
    suggested_rag: str = "",
    override_reason: str = "",
    milestone_dates: list[NewMilestone] | None = None,
    author_name: str = "",
    supersedes: ProgressUpdate | None = None,
) -> ProgressUpdate:
    """Append an update; it waits for review when the strategy requires approval.

    `author` is None for a lead officer answering an update round's emailed link
    without an account; `author_name` then says who wrote it. `supersedes` makes it the
    correction of an earlier update of the same action, which then stops counting (the
    earlier one is kept, as every update is).
    """
    strategy = strategy_of(action)
    check_not_locked(strategy, date)
    check_not_future(date)
    if supersedes is not None and supersedes.action_id != action.pk:
        raise ValidationError("An update can only correct an update of the same action.")
    check_status_reason(rag, suggested_rag, override_reason)
    update = ProgressUpdate(
        action=action,
        date=date,
        rag=rag,
        text=text,
        percent_complete=percent_complete,
        evidence_url=evidence_url,
        suggested_rag=suggested_rag,
        override_reason=override_reason.strip() if needs_reason(rag, suggested_rag) else "",
        author=author,
        author_name=(author.get_full_name() or author.get_username()) if author else author_name,
        supersedes=supersedes,
    )
    update.full_clean()
    update.save()
    if strategy.requires_approval:
        UpdateReview.objects.create(update=update)
    for change in milestone_dates or []:
        change.milestone.due_end = change.due_end
        change.milestone.due_text = change.due_end.strftime("%-d %B %Y")
        change.milestone.save()
    return update


@transaction.atomic
def review_update(
    *, update: ProgressUpdate, reviewer: Any, approve: bool, reason: str = ""
) -> None:
    review = UpdateReview.objects.select_for_update().filter(update=update).first()
    if review is None:
        raise ValidationError("This update does not need approval.")
    if review.decision != UpdateReview.Decision.PENDING:
        raise ValidationError("This update has already been reviewed.")
    review.decision = UpdateReview.Decision.APPROVED if approve else UpdateReview.Decision.RETURNED
    review.reason = reason.strip()
    review.reviewer = reviewer
    review.decided_at = timezone.now()
    review.full_clean()
    review.save()


@transaction.atomic
def decide_proposal(
    *, proposal: ActionComment, decider: Any, accept: bool, reason: str = ""
) -> ProposalDecision:
    """Accept or reject a lead officer's proposed change, once; the proposal stays as written.

    Locking the proposal's row makes two approvers deciding at once take turns, and the
    second is told it has been decided.
    """
    locked = ActionComment.objects.select_for_update().get(pk=proposal.pk)
    if locked.kind != ActionComment.Kind.PROPOSAL:
        raise ValidationError("This is a comment, not a proposed change.")
    if ProposalDecision.objects.filter(proposal=locked).exists():
        raise ValidationError("This proposed change has already been decided.")
    decision = ProposalDecision(
        proposal=locked,
        decision=ProposalDecision.Decision.ACCEPTED
        if accept
        else ProposalDecision.Decision.REJECTED,
        reason=reason.strip(),
        decided_by=decider,
    )
    decision.full_clean()
    decision.save()
    return decision


class StaleEdit(Exception):
    """Someone else saved the action first; `changes` says what they changed."""

    def __init__(self, current: Action, changes: dict[str, tuple[Any, Any]]) -> None:
        super().__init__("The action was changed by someone else while you were editing it.")
        self.current = current
        self.changes = changes


def editable_value(action: Action, name: str) -> Any:
    """A field as the edit form holds it: the role type by its key, others as they are."""
    if name == "role_type":
        return action.role_type.key if action.role_type else ""
    return getattr(action, name)


def _role_type(action: Action, key: str) -> RoleType | None:
    if not key:
        return None
    found = RoleType.objects.filter(partnership_id=partnership_id_of(action), key=key).first()
    if found is None:
        raise ValidationError({"role_type": "Choose one of the partnership's role types."})
    return found


def _stale(action_id: int, original: dict[str, Any]) -> StaleEdit:
    current = Action.objects.get(pk=action_id)
    changes = {
        name: (original.get(name), editable_value(current, name))
        for name in EDITABLE_ACTION_FIELDS
        if name in original and original[name] != editable_value(current, name)
    }
    return StaleEdit(current, changes)


@transaction.atomic
def edit_action(
    *, action_id: int, version: int, original: dict[str, Any], values: dict[str, Any]
) -> Action:
    """Save the edit only if nobody saved since `version` was read; else raise StaleEdit.

    Claiming the next version is one UPDATE ... WHERE version = n, so of two concurrent
    saves exactly one passes, on SQLite and PostgreSQL alike. `original` holds the values
    the editor started from, so a refusal can say what the other person changed.
    """
    claimed = Action.objects.filter(pk=action_id, version=version).update(version=F("version") + 1)
    if not claimed:
        raise _stale(action_id, original)
    current = Action.objects.get(pk=action_id)
    for name, value in values.items():
        if name == "due_text":
            current.set_due(value)
        elif name == "role_type":
            current.role_type = _role_type(current, value)
        else:
            setattr(current, name, value)
    current.full_clean()
    current.save()
    return current


def add_comment(*, action: Action, author: Any, text: str, proposal: bool) -> ActionComment:
    if not text.strip():
        raise ValidationError({"text": "Write the comment."})
    kind = ActionComment.Kind.PROPOSAL if proposal else ActionComment.Kind.COMMENT
    return ActionComment.objects.create(action=action, author=author, kind=kind, text=text.strip())


@transaction.atomic
def set_weights(*, weights: dict[Any, int]) -> None:
    """Set roll-up weights on themes, priorities or actions; each save is recorded."""
    for obj, weight in weights.items():
        if weight < 0 or weight > 100:
            raise ValidationError("A weight is between 0 and 100.")
        if obj.weight != weight:
            obj.weight = weight
            obj.save(update_fields=["weight", "updated_at"])
