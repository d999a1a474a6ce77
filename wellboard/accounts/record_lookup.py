"""The guard's record, read by a statement compiled once per model and process.

Every guarded page with an id in its address reads that record with the path to its
partnership (`select_related(parent_path)`) before the permission check; building and
compiling that queryset on each request was most of the guard's cost. For a model whose
default manager adds nothing to the query (no filter, annotation, extra column,
deferred field, join or prefetch: anything such is read through the queryset as
before), the statement is the queryset's own, compiled the first time with a stand-in
id, and the row becomes the same objects the ORM makes (`Model.from_db`, each column
through the database's converters, the joined records by Django's own populators).
Only the statement is kept between requests; the row is read on every request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.db.models.query import get_related_populators  # type: ignore[attr-defined]

from wellboard.base.compiled_rows import Converters, converted, converters_of

# No record has a negative id, and no other parameter of these statements is one.
_STAND_IN = -7_031_959_017


@dataclass(frozen=True)
class _Statement:
    sql: str
    params: tuple[Any, ...]
    select: list[Any]  # the compiler's (column, sql, alias) triples
    klass_info: dict[str, Any]
    names: list[str]  # the model's own columns' attribute names
    start: int
    end: int
    converters: Converters


_STATEMENTS: dict[tuple[type[models.Model], str, str], _Statement | None] = {}


def plain(queryset: Any) -> bool:
    """Whether the queryset reads the model's rows as they are, nothing added."""
    query = queryset.query
    return not (
        query.where
        or query.annotations
        or query.extra
        or query.select_related
        or query.deferred_loading != (frozenset(), True)
        or queryset._prefetch_related_lookups
        or query.distinct
        or query.select_for_update
    )


def record(model: type[models.Model], pk: int, parent: str) -> tuple[bool, Any]:
    """(True, the record or None when no row has the id), or (False, None) when the model's
    default manager adds to the query and the caller must use the queryset."""
    statement = _statement(model, parent)
    if statement is None:
        return False, None
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, [pk if p == _STAND_IN else p for p in statement.params])
        row = cursor.fetchone()
    if row is None:
        return True, None
    values = converted(row, statement.converters)
    alias = connection.alias
    obj = model.from_db(alias, statement.names, values[statement.start : statement.end])
    for populator in get_related_populators(statement.klass_info, statement.select, alias):
        populator.populate(values, obj)
    return True, obj


def _statement(model: type[models.Model], parent: str) -> _Statement | None:
    key = (model, parent, connection.vendor)
    if key in _STATEMENTS:
        return _STATEMENTS[key]
    base = model._default_manager.all()
    found = None
    if plain(base):
        queryset = base.select_related(parent) if parent else base
        compiler = queryset.filter(pk=_STAND_IN).query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        select, klass_info = compiler.select, compiler.klass_info
        fields = klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        columns = [column for column, _sql, _alias in select]
        found = _Statement(
            sql=sql,
            params=tuple(params),
            select=select,
            klass_info=klass_info,
            names=[column.target.attname for column in columns[start:end]],
            start=start,
            end=end,
            converters=converters_of(compiler, columns),
        )
    _STATEMENTS[key] = found
    return found
