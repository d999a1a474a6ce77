"""The options of the action list's filter drop-downs: the strategies, themes, boards,
lead organisations and role types of the signed-in member's partnerships.

Five small queries on every visit to the list, each built and compiled by the ORM: that
was about a fifth of the page's CPU (issue #17). Their statements are compiled once per
process for each number of partnerships, from the same querysets through the one
permission layer (`scoped`), with stand-ins -1, -2... where the partnership ids go, as
strategy/approvals.py does for the header's count; each visit runs them with the
member's own ids. Nothing read is kept between requests, so a renamed theme shows at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from wellboard.accounts.permissions import memberships, scoped
from wellboard.partnerships.models import GovernanceBoard, Organisation, RoleType
from wellboard.strategy.models import Strategy, Theme

Options = list[tuple[int, str]]


class _StandIn:
    """A member of `count` partnerships numbered -1, -2...: what `scoped` filters by."""

    is_authenticated = True

    def __init__(self, count: int) -> None:
        self._wellboard_memberships = {-(i + 1): None for i in range(count)}


def _board_label(pk: int, name: str, short_name: str) -> tuple[int, str]:
    return pk, str(GovernanceBoard(pk=pk, name=name, short_name=short_name))


def _organisation_label(pk: int, name: str, acronym: str) -> tuple[int, str]:
    return pk, Organisation(pk=pk, name=name, acronym=acronym).full_label


def _plain(pk: int, label: str) -> tuple[int, str]:
    return pk, label


def _querysets(user: Any) -> list[tuple[QuerySet[Any], Callable[..., tuple[int, str]]]]:
    """Each drop-down's query (only the columns its labels need) and how a row is labelled."""
    return [
        (scoped(Strategy, user).values_list("pk", "title"), _plain),
        (scoped(Theme, user, Theme.objects.in_plan_order()).values_list("pk", "title"), _plain),
        (scoped(GovernanceBoard, user).values_list("pk", "name", "short_name"), _board_label),
        (
            scoped(Organisation, user).order_by("name").values_list("pk", "name", "acronym"),
            _organisation_label,
        ),
        (scoped(RoleType, user).values_list("pk", "name"), _plain),
    ]


_STATEMENTS: dict[tuple[int, str], list[tuple[str, tuple[Any, ...], Callable[..., Any]]]] = {}


def _statements(count: int) -> list[tuple[str, tuple[Any, ...], Callable[..., Any]]]:
    key = (count, connection.vendor)
    if key not in _STATEMENTS:
        compiled = []
        for queryset, label in _querysets(_StandIn(count)):
            sql, params = queryset.query.get_compiler(connection=connection).as_sql()
            compiled.append((sql, tuple(params), label))
        _STATEMENTS[key] = compiled
    return _STATEMENTS[key]


def filter_options(user: Any) -> list[Options]:
    """[strategies, themes, boards, lead organisations, role types] as (id, label) pairs
    in the member's partnerships, in the order the querysets give."""
    ids = list(memberships(user))
    if not ids:
        return [[] for _ in range(5)]
    stand_ins = {-(i + 1): pid for i, pid in enumerate(ids)}
    found = []
    with connection.cursor() as cursor:
        for sql, params, label in _statements(len(ids)):
            cursor.execute(sql, [_own(p, stand_ins) for p in params])
            found.append([label(*row) for row in cursor.fetchall()])
    return found


def _own(param: Any, stand_ins: dict[int, int]) -> Any:
    """The member's id where the statement has a stand-in, else the parameter itself."""
    return stand_ins[param] if type(param) is int and param < 0 else param
