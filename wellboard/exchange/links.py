"""An action's or theme's ordered links, rewritten only when the document's list differs.

Link rows (leads, boards, indicator codes, other strategies) say how a plan is organised;
they carry no delivery record, so a changed list is replaced as a whole, in order.
"""

from __future__ import annotations

from typing import Any

from wellboard.exchange.references import References
from wellboard.strategy.models import (
    Action,
    ActionBoard,
    ActionIndicator,
    ActionLink,
    ActionOrganisation,
    Theme,
    ThemeIndicator,
)


def _replace(
    manager: Any,
    model: type[Any],
    owner: dict[str, Any],
    wanted: list[dict[str, Any]],
    created: bool,
) -> None:
    if not created:
        rows = list(manager.all())  # prefetched by the match where it can be
        have = [{f: getattr(row, f) for f in wanted[0]} for row in rows] if wanted else []
        if len(rows) == len(wanted) and have == wanted:
            return
        manager.all().delete()
    model.objects.bulk_create(model(**owner, **row, position=i) for i, row in enumerate(wanted))


def set_theme_indicators(theme: Theme, indicator_ids: list[int], *, created: bool) -> None:
    wanted = [{"indicator_id": pk} for pk in indicator_ids]
    _replace(theme.indicator_links, ThemeIndicator, {"theme": theme}, wanted, created)


def set_action_links(
    action: Action, data: dict[str, Any], refs: References, *, created: bool
) -> None:
    organisations = [(label, True) for label in data["leads"]]
    organisations += [(label, False) for label in data["supporting"]]
    owner = {"action": action}
    _replace(
        action.organisation_links,
        ActionOrganisation,
        owner,
        [
            {"organisation_id": refs.organisation(label).pk, "is_lead": lead}
            for label, lead in organisations
        ],
        created,
    )
    boards = [{"board_id": refs.board(name).pk} for name in data["boards"]]
    _replace(action.board_links, ActionBoard, owner, boards, created)
    codes = [{"indicator_id": refs.indicator(code).pk} for code in data["indicator_codes"]]
    _replace(action.indicator_links, ActionIndicator, owner, codes, created)
    links = [{"other_strategy_id": refs.other_strategy(t).pk} for t in data["links"]]
    _replace(action.strategy_links, ActionLink, owner, links, created)
