"""The one check: every action's kept delivery equals what its whole history says.

Used after every kind of write (tests/strategy/test_current_delivery.py) and after
imports, restores and merges. The truth is `Action.status_on`, `latest_update` and
`core.delivery.action_percent` over the counted updates, as the reports compute it.
`counting()` counts the refresh statements a bulk path runs: one per plan it touched,
not one per row (tests/strategy/test_deferred_refresh.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection
from django.db.models import Prefetch
from django.test.utils import CaptureQueriesContext

from wellboard.core.delivery import action_percent
from wellboard.strategy.current import status_expression, status_filter
from wellboard.strategy.models import Action, DeliveryStatus, ProgressUpdate

DAYS = (dt.date(2025, 6, 1), dt.date(2026, 3, 31), dt.date(2026, 11, 29), dt.date(2028, 1, 1))


def truth(action: Action, today: dt.date) -> dict[str, Any]:
    latest = action.latest_update()
    own = latest.percent_complete if latest and latest.percent_complete is not None else None
    rag = latest.rag if latest else "not_started"
    status = action.status_on(today, latest)
    return {
        "update": latest.pk if latest else None,
        "rag": rag,
        "percent": action_percent(own if own is not None else action.percent_complete, rag),
        "status": str(status),
        "stale": status != DeliveryStatus.COMPLETE and action.is_stale_on(today),
    }


def kept(action: Action, today: dt.date) -> dict[str, Any]:
    return {
        "update": action.current_update_id,
        "rag": action.current_rag,
        "percent": action.current_percent,
        "status": str(action.current_status_on(today)),
        "stale": action.current_stale_on(today),
    }


def assert_current(actions: Any = None, days: tuple[dt.date, ...] = DAYS) -> int:
    """Compare every action (or those given) in Python and in SQL; returns how many."""
    chosen = Action.objects.all() if actions is None else actions
    counted = Prefetch("updates", queryset=ProgressUpdate.objects.counted())
    found = list(chosen.prefetch_related(counted).order_by("pk"))
    for today in days:
        expected = {a.pk: truth(a, today) for a in found}
        assert {a.pk: kept(a, today) for a in found} == expected, today
        in_sql = dict(
            chosen.annotate(s=status_expression(today)).values_list("pk", "s").order_by("pk")
        )
        assert in_sql == {pk: row["status"] for pk, row in expected.items()}, today
        for status in [*DeliveryStatus.values, "stale"]:
            wanted = {
                pk
                for pk, row in expected.items()
                if (row["stale"] if status == "stale" else row["status"] == status)
            }
            matched = set(chosen.filter(status_filter(status, today)).values_list("pk", flat=True))
            assert matched == wanted, (status, today)
    return len(found)


# The refresh statement: delivery_cache.refresh_delivery and delivery_bulk's set-based one.
REFRESH = 'UPDATE "strategy_action" SET "current_update_id"'


class Counted:
    """The refresh statements run so far inside a `counting()` block."""

    def __init__(self, queries: CaptureQueriesContext) -> None:
        self.queries = queries

    @property
    def refreshes(self) -> int:
        return sum(REFRESH in q["sql"] for q in self.queries.captured_queries)

    @property
    def statements(self) -> int:
        return len(self.queries.captured_queries)


@contextmanager
def counting() -> Iterator[Counted]:
    with CaptureQueriesContext(connection) as queries:
        yield Counted(queries)
