"""Django's database sessions, read by one statement written once per process.

Every signed-in request loads its session before anything else. Django's store reads it
as a model object through a queryset built and compiled on each request; this store
reads the one column it decodes, with the same conditions (the session's key, not yet
expired), and saves, flushes and expires exactly as Django's does (it is its subclass).
Only the statement's text is kept: the row is read on every request, so a session that
was signed out or has expired is gone on the next request.

settings.SESSION_ENGINE names this module.
"""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.backends import db
from django.db import connection
from django.utils import timezone

_STATEMENTS: dict[str, str] = {}


class SessionStore(db.SessionStore):
    def load(self) -> dict[str, Any]:
        """The session's data, or {} (and no key) when it does not exist or has expired."""
        key = self.session_key
        row = None
        if key is not None:
            model = self.model
            now = model._meta.get_field("expire_date").get_db_prep_value(timezone.now(), connection)
            with connection.cursor() as cursor:
                cursor.execute(_statement(model), [key, now])
                row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        data: dict[str, Any] = self.decode(row[0])
        return data


def _statement(model: Any) -> str:
    """SELECT session_data of an unexpired session by its key, written once per vendor."""
    found = _STATEMENTS.get(connection.vendor)
    if found is None:
        quote = connection.ops.quote_name
        columns = {
            f: quote(model._meta.get_field(f).column)
            for f in ("session_key", "session_data", "expire_date")
        }
        found = (
            f"SELECT {columns['session_data']} FROM {quote(model._meta.db_table)} "  # noqa: S608
            f"WHERE {columns['session_key']} = %s AND {columns['expire_date']} > %s"
        )
        _STATEMENTS[connection.vendor] = found
    return found
