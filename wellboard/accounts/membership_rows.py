"""A user's active memberships, read by a statement compiled once per process.

Every signed-in request reads them (the guard, the header menu, the approvals count):
building, compiling and reading the queryset `Membership.objects.filter(user=...,
active=True)` was about 1 ms of each page. The statement is that queryset's own, compiled
the first time with a stand-in user id, and run with the user's; its rows become the same
Membership objects (`Model.from_db`, each column through the database's own converters,
as the ORM reads them), in the same order. Only the statement is kept between requests:
the rows are read on every request, so a changed role or membership counts at once.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from wellboard.accounts.models import Membership
from wellboard.base.compiled_rows import Converters, converted, converters_of

# No user has a negative id, and no other parameter of the statement is one.
_STAND_IN = -7_031_959_011
_STATEMENTS: dict[str, tuple[str, tuple[Any, ...], list[str], Converters]] = {}


def active_memberships(user_id: int) -> list[Membership]:
    """The user's active memberships, ordered as the model orders them."""
    sql, params, names, converters = _statement()
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id if p == _STAND_IN else p for p in params])
        rows = cursor.fetchall()
    alias = connection.alias
    return [Membership.from_db(alias, names, converted(row, converters)) for row in rows]


def _statement() -> tuple[str, tuple[Any, ...], list[str], Converters]:
    """The queryset's SQL, parameters, column attribute names and converters, per vendor."""
    found = _STATEMENTS.get(connection.vendor)
    if found is None:
        queryset = Membership.objects.filter(user_id=_STAND_IN, active=True)
        compiler = queryset.query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        columns = [column for column, _sql, _alias in compiler.select]
        names = [column.target.attname for column in columns]
        converters = converters_of(compiler, columns)
        found = (sql, tuple(params), names, converters)
        _STATEMENTS[connection.vendor] = found
    return found
