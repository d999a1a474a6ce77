"""Requests counted in fixed windows, in the database, so that every server process (each
gunicorn worker, each machine) adds to the same count: a count kept in a process's own
memory lets a client N times its limit through N processes.

The window is fixed (it starts at a multiple of its length since the epoch): simple to
reason about, and a burst at a window's edge can at most double a limit, enough to stop a
runaway script. The consultation forms' limiter and the API's rate limit count here.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, models
from django.utils import timezone


def window_start(now: datetime, window: timedelta) -> datetime:
    """The start of the window of length `window` that holds `now`."""
    seconds = int(window.total_seconds())
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=timezone.get_current_timezone())


def keyed(text: str) -> str:
    """A keyed hash of who is counted (an address, a token): stable, meaningless without
    the key, and always 64 characters whatever it hashes."""
    return hmac.new(settings.SECRET_KEY.encode(), text.encode(), hashlib.sha256).hexdigest()


def count_hit(model: type[models.Model], start: datetime, **key: Any) -> int:
    """Add one to the counter of `key` for the window starting at `start`; the count after.

    One statement (INSERT ... ON CONFLICT DO UPDATE ... RETURNING, which PostgreSQL and
    SQLite 3.35+ both run): the window's first hit makes the row, every later one adds
    to it, and the count read back is this statement's own, so two processes counting
    at once each see their own number. It replaced an UPDATE, an INSERT when nothing was
    updated, and a SELECT in a transaction: four statements a request for the API's rate.
    """
    sql = _upsert(model, tuple(key))
    params = [_field(model, name).get_db_prep_save(key[name], connection) for name in key]
    params.append(_field(model, "window_start").get_db_prep_save(start, connection))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.fetchone()[0])


_UPSERTS: dict[tuple[type[models.Model], tuple[str, ...], str], str] = {}


def _upsert(model: type[models.Model], names: tuple[str, ...]) -> str:
    """The counting statement for `model` and its key fields, written once per process.
    The fields and window_start must be the model's unique constraint (the conflict)."""
    found = _UPSERTS.get((model, names, connection.vendor))
    if found is not None:
        return found
    unique = {
        frozenset(c.fields)
        for c in model._meta.constraints
        if isinstance(c, models.UniqueConstraint) and c.condition is None
    }
    if frozenset((*names, "window_start")) not in unique:
        raise ValueError(f"{model.__name__} has no unique constraint on {names} and window_start")
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = [quote(_field(model, n).column) for n in (*names, "window_start")]
    count = quote(_field(model, "count").column)
    listed = ", ".join(columns)
    marks = ", ".join(["%s"] * len(columns))
    # Names from the model, values as parameters.
    insert = f"INSERT INTO {table} ({listed}, {count}) VALUES ({marks}, 1) "  # noqa: S608
    add = f"DO UPDATE SET {count} = {table}.{count} + 1 RETURNING {count}"
    sql = f"{insert}ON CONFLICT ({listed}) {add}"
    _UPSERTS[(model, names, connection.vendor)] = sql
    return sql


def _field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    """The model's concrete field `name` (a counter's columns are all concrete)."""
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return field
