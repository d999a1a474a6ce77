"""Finding a board by the name people use for it, for the command line."""

from __future__ import annotations

from django.db.models import Q

from wellboard.partnerships.models import GovernanceBoard, Partnership


class BoardNotFound(ValueError):
    """A name that matches nothing, or more than one thing."""


def find_board(name: str, partnership_id: int | None) -> tuple[Partnership, GovernanceBoard | None]:
    """A governance board by name or short name; a partnership's name means the Health
    and Wellbeing Board itself (its round covers the whole plan)."""
    text = name.strip()
    boards = GovernanceBoard.objects.filter(Q(name__iexact=text) | Q(short_name__iexact=text))
    partnerships = Partnership.objects.filter(Q(name__iexact=text) | Q(slug__iexact=text))
    if partnership_id is not None:
        boards = boards.filter(partnership_id=partnership_id)
        partnerships = partnerships.filter(pk=partnership_id)
    found: list[tuple[Partnership, GovernanceBoard | None]] = [
        (b.partnership, b) for b in boards.select_related("partnership")
    ]
    found += [(p, None) for p in partnerships]
    if not found:
        raise BoardNotFound(f"no board or partnership called {text!r}")
    if len(found) > 1:
        raise BoardNotFound(f"{text!r} names more than one board: add --partnership ID")
    partnership, board = found[0]
    return partnership, board
