"""The kept delivery of many actions recomputed in one set-based statement.

`delivery_cache.refresh_delivery` is one UPDATE whose columns are correlated subqueries:
each action looks up its own newest counted update about a dozen times. That is the
right shape for one action or one plan, and far too slow for tens of thousands (the
national dataset's 60,000 actions took over 30 seconds). Here the counted updates are
read once, ranked per action with a window function, and joined to the actions in an
UPDATE ... FROM (PostgreSQL, and SQLite since 3.33). The rules are the same as
`delivery_cache.delivery_columns` (the tests hold both to the history).
"""

from __future__ import annotations

from typing import Any

from django.db import connection, models

from wellboard.core.delivery import STATUS_PERCENT


def _names() -> dict[str, str]:
    from wellboard.strategy.models import Action, ProgressUpdate, UpdateReview

    quote = connection.ops.quote_name
    return {
        "action": quote(Action._meta.db_table),
        "update": quote(ProgressUpdate._meta.db_table),
        "review": quote(UpdateReview._meta.db_table),
    }


def _percent_case() -> tuple[str, list[Any]]:
    """`core.delivery.action_percent` in SQL, over `own` and `rag` of the row `f`."""
    whens = " ".join("WHEN f.rag = %s THEN %s" for _ in STATUS_PERCENT)
    params = [value for pair in STATUS_PERCENT.items() for value in pair]
    sql = f"CASE WHEN f.own > 100 THEN 100 WHEN f.own IS NOT NULL THEN f.own {whens} ELSE 0 END"
    return sql, params


def refresh_delivery_set(actions: models.QuerySet[Any]) -> int:
    """Recompute the kept columns of these actions in one statement; returns how many."""
    chosen, chosen_params = actions.order_by().values("pk").query.sql_with_params()
    percent, percent_params = _percent_case()
    sql = """
        UPDATE {action} SET "current_update_id" = f.update_id, "current_rag" = f.rag,
            "current_percent" = {percent}, "last_update_on" = f.day
        FROM (
            WITH chosen AS ({chosen}),
            counted AS (
                SELECT u.id, u.action_id, u.date, u.rag, u.percent_complete
                FROM {update} u LEFT JOIN {review} r ON r.update_id = u.id
                WHERE u.action_id IN (SELECT * FROM chosen)
                  AND (r.id IS NULL OR r.decision = %s)
                  AND NOT EXISTS (
                      SELECT 1 FROM {update} c LEFT JOIN {review} cr ON cr.update_id = c.id
                      WHERE c.supersedes_id = u.id AND (cr.id IS NULL OR cr.decision = %s))
            ),
            ranked AS (
                SELECT action_id, id, rag, percent_complete, ROW_NUMBER() OVER (
                    PARTITION BY action_id ORDER BY date DESC NULLS LAST, id DESC) AS n
                FROM counted WHERE rag <> ''
            ),
            newest AS (SELECT action_id, MAX(date) AS day FROM counted GROUP BY action_id)
            SELECT a.id, l.id AS update_id, COALESCE(l.rag, %s) AS rag,
                   COALESCE(l.percent_complete, a.percent_complete) AS own, w.day
            FROM {action} a
            LEFT JOIN ranked l ON l.action_id = a.id AND l.n = 1
            LEFT JOIN newest w ON w.action_id = a.id
            WHERE a.id IN (SELECT * FROM chosen)
        ) f
        WHERE {action}.id = f.id
    """.format(chosen=chosen, percent=percent, **_names())  # noqa: S608 - names from the models
    params = [*percent_params, *chosen_params, "approved", "approved", "not_started"]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.rowcount)
