"""What waits for an approver: updates held for review, and lead officers' proposed changes,
in the partnerships they approve in.

One statement answers the header's count on every page; the approvals page lists the same rows
with what the approver needs to decide (the action, its lead, the words and the status).
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import QuerySet

from wellboard.accounts.permissions import partnerships_where
from wellboard.strategy.models import ActionComment, ProposedChange, UpdateReview

REVIEW_RULE = "update.review"


def pending_reviews(user: Any) -> QuerySet[UpdateReview]:
    """Reviews still to decide, oldest update first, in partnerships where the user approves."""
    return (
        _pending_reviews_in(partnerships_where(user, REVIEW_RULE))
        .select_related(
            "update__action__lead_officer",
            "update__action__priority__theme__plan__strategy",
        )
        .order_by("update__created_at", "pk")
    )


def _pending_reviews_in(partnership_ids: list[int]) -> QuerySet[UpdateReview]:
    return UpdateReview.objects.in_partnerships(partnership_ids).filter(
        decision=UpdateReview.Decision.PENDING
    )


def _pending_proposals_in(partnership_ids: list[int]) -> QuerySet[ActionComment]:
    return ActionComment.objects.in_partnerships(partnership_ids).filter(
        kind=ActionComment.Kind.PROPOSAL, decision__isnull=True
    )


def pending_proposals(user: Any) -> QuerySet[ActionComment]:
    """Lead officers' proposed changes not yet accepted or rejected, oldest first."""
    return (
        _pending_proposals_in(partnerships_where(user, REVIEW_RULE))
        .select_related("author", "action__lead_officer", "action__priority__theme__plan__strategy")
        .order_by("created_at", "pk")
    )


def pending_count(user: Any) -> int:
    """How many decisions wait for the user (0 for anyone who approves nowhere): the
    rows of pending_reviews, pending_proposals and ProposedChange.objects.awaiting,
    counted in one statement.

    The header asks on every page an approver opens. Building those three joined
    querysets and compiling them cost about 10 ms of CPU a page, more than the rest of
    the header; so their statement is compiled once per process for each number of
    partnerships (`_count_statement`) and run with this user's partnership ids. The
    querysets stay the one definition of what waits: the statement is made from them.
    """
    if not user.is_authenticated:
        return 0
    reviewing = partnerships_where(user, REVIEW_RULE)
    if not reviewing:
        return 0
    changing = partnerships_where(user, CHANGE_RULE)
    sql, params = _count_statement(len(reviewing), len(changing))
    # The statement was compiled with negative stand-ins for the ids, -1, -2... for each
    # list in turn; None (`IN (NULL)` matches nothing) stands for an empty list.
    listed: list[int | None] = [*reviewing, *changing] if changing else [*reviewing, None]
    ids = {-(i + 1): pid for i, pid in enumerate(listed)}
    with connection.cursor() as cursor:
        cursor.execute(sql, [ids[p] if _is_stand_in(p) else p for p in params])
        row = cursor.fetchone()
    return int(row[0])


CHANGE_RULE = "change.review"
_STATEMENTS: dict[tuple[int, int, str], tuple[str, tuple[Any, ...]]] = {}


def _is_stand_in(param: Any) -> bool:
    return type(param) is int and param < 0


def _count_statement(reviewing: int, changing: int) -> tuple[str, tuple[Any, ...]]:
    """The counting statement for `reviewing` and `changing` partnership ids (at least
    one stand-in for each list), with stand-ins -1, -2... where the ids go, kept per
    process."""
    key = (reviewing, changing, connection.vendor)
    if key not in _STATEMENTS:
        review_ids = [-(i + 1) for i in range(reviewing)]
        change_ids = [-(reviewing + i + 1) for i in range(max(changing, 1))]
        rows = (
            _pending_reviews_in(review_ids)
            .order_by()
            .values("pk")
            .union(
                _pending_proposals_in(review_ids).order_by().values("pk"),
                ProposedChange.objects.awaiting_in(change_ids).order_by().values("pk"),
                all=True,
            )
        )
        sql, params = rows.query.get_compiler(connection=connection).as_sql()
        # The ORM's own compiled statement, wrapped; no value is written into the text.
        _STATEMENTS[key] = (f"SELECT COUNT(*) FROM ({sql}) waiting", tuple(params))  # noqa: S608
    return _STATEMENTS[key]
