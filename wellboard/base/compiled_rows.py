"""Rows read by a statement compiled once, made into the values the ORM would give.

A few reads on every request (the user's memberships, the guard's record) keep the SQL
Django compiles for their queryset and run it directly, skipping the queryset's build and
compile on each request. Their rows must still come out as the ORM makes them: each
column through the converters the database backend names for it (dates on SQLite,
decimals, JSON...). Both readers share this one step so that they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection

# (column index, the backend's converter functions for it, the column's expression)
Converters = list[tuple[int, list[Callable[..., Any]], Any]]


def converters_of(compiler: Any, columns: list[Any]) -> Converters:
    """The converters the compiler would apply to these selected columns."""
    return [
        (index, functions, expression)
        for index, (functions, expression) in compiler.get_converters(columns).items()
    ]


def converted(row: tuple[Any, ...], converters: Converters) -> list[Any]:
    """The row's values as the ORM would hand them to `Model.from_db`."""
    values = list(row)
    for index, functions, expression in converters:
        value = values[index]
        for function in functions:
            value = function(value, expression, connection)
        values[index] = value
    return values
