"""Archiving what a re-imported document no longer has, only when the user asks for it.

Archived records keep their updates, reviews, comments and history and can be restored;
nothing is deleted (issue #12.1). A record already archived is not reported again, and
one that the document brings back is restored by the load.
"""

from __future__ import annotations

from typing import Any

from wellboard.exchange.matching import Match


def still_active(records: list[Any]) -> list[Any]:
    return [record for record in records if record.archived_at is None]


def archive_missing(match: Match, *, user: Any = None) -> int:
    """Archive the actions, priorities, themes and plans the document dropped; say how many
    actions."""
    actions = still_active(match.missing_actions)
    for group in (actions, match.missing_priorities, match.missing_themes, match.missing_plans):
        for record in still_active(group):
            record.archive(user)
    return len(actions)


def restore_returning(records: list[Any]) -> None:
    """A record the document lists again comes back from the archive."""
    for record in records:
        if record.archived_at is not None:
            record.restore()
