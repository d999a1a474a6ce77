"""What the action page shows of an action's links: its lead and supporting organisations,
governance boards, indicators and linked strategies, read by statements compiled once
per process.

The action page is the page asked for most. Read through prefetch_related, each of
these four lists was a queryset built, compiled and turned into two model objects a
row on every request, about a fifth of the page's CPU for a few short strings. Each
list is one SELECT of the columns shown (the ORM's own statement, compiled the first
time with a stand-in id), run with the action's id; the order is the links' own
(position, then id), as the prefetch read them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from wellboard.strategy.link_models import (
    ActionBoard,
    ActionIndicator,
    ActionLink,
    ActionOrganisation,
)

# No action has a negative id, and no other parameter of these statements is one.
_STAND_IN = -7_031_959_002
_STATEMENTS: dict[tuple[str, str], tuple[str, tuple[Any, ...], int]] = {}


@dataclass(frozen=True)
class ActionLinks:
    """The labels the action page draws, in the links' order."""

    lead: list[str]  # organisations' labels (acronym, else name)
    supporting: list[str]
    boards: list[str]  # str(board): short name, else name
    indicators: list[tuple[str, str]]  # (code, name)
    strategies: list[str]  # the other strategies' titles


def _organisations(pk: int) -> QuerySet[Any]:
    links = ActionOrganisation.objects.filter(action_id=pk)
    return links.values_list("is_lead", "organisation__acronym", "organisation__name")


def _boards(pk: int) -> QuerySet[Any]:
    links = ActionBoard.objects.filter(action_id=pk)
    return links.values_list("board__short_name", "board__name")


def _indicators(pk: int) -> QuerySet[Any]:
    links = ActionIndicator.objects.filter(action_id=pk)
    return links.values_list("indicator__code", "indicator__name")


def _strategies(pk: int) -> QuerySet[Any]:
    return ActionLink.objects.filter(action_id=pk).values_list("other_strategy__title")


def action_links(action_id: int) -> ActionLinks:
    """The action's links as its page shows them."""
    organisations = _rows(_organisations, action_id)
    return ActionLinks(
        lead=[acronym or name for is_lead, acronym, name in organisations if is_lead],
        supporting=[acronym or name for is_lead, acronym, name in organisations if not is_lead],
        boards=[short or name for short, name in _rows(_boards, action_id)],
        indicators=[(code, name) for code, name in _rows(_indicators, action_id)],
        strategies=[title for (title,) in _rows(_strategies, action_id)],
    )


def _rows(build: Callable[[int], QuerySet[Any]], action_id: int) -> list[tuple[Any, ...]]:
    """The rows of `build(action_id)`, by its statement compiled once per process. Only
    text and true/false columns are read: a true/false comes back as 1/0 on SQLite,
    which is only ever tested for truth here."""
    sql, params, at = _statement(build)
    values = list(params)
    values[at] = action_id
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        return list(cursor.fetchall())


def _statement(build: Callable[[int], QuerySet[Any]]) -> tuple[str, tuple[Any, ...], int]:
    key = (build.__name__, connection.vendor)
    found = _STATEMENTS.get(key)
    if found is None:
        sql, params = build(_STAND_IN).query.get_compiler(connection=connection).as_sql()
        assert list(params).count(_STAND_IN) == 1, "the id goes in one place"
        found = (sql, tuple(params), list(params).index(_STAND_IN))
        _STATEMENTS[key] = found
    return found
