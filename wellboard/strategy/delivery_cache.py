"""Each action's current delivery, kept on its row so that pages read it instead of
rebuilding it from the whole history of updates.

The history stays the truth: `refresh_delivery` recomputes the kept columns from the
counted updates in one SQL statement, for one action or for every action at once. It runs
in the same transaction as every write that can change them: a new update (a correction
included), a review decision, an action's own save (signals below). A single write from
the web refreshes its action at once; a bulk path (the exchange load and everything built
on it, imports, merges, backup restore, the demo loader) runs inside `deferred_refresh()`,
which collects the actions its writes touch and refreshes them at the end, one statement
per touched plan, inside the same transaction: at ~90 ms a refresh under load, one per
row written was most of a load's time. `wellboard strategy refresh-delivery` runs it over
everything.

Only what does not depend on the day is kept (the latest RAG, the percentage, the newest
update and its date); "overdue" and "no update for 90 days" are worked out from them at
read time, in Python (`Action.current_status_on`) or in SQL (`with_current_status`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, cast

from django.db import connection, models, transaction
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact, GreaterThan, IsNull
from django.db.models.signals import post_save
from django.db.models.sql import UpdateQuery

from wellboard.core.delivery import STATUS_PERCENT


def counted_updates(update_model: type[models.Model]) -> models.QuerySet[Any]:
    """`ProgressUpdate.objects.counted()` spelt for any version of the model, so that the
    migration that fills the columns applies the same rule as the app."""
    counts = Q(review__isnull=True) | Q(review__decision="approved")
    corrections = update_model._default_manager.filter(counts, supersedes=OuterRef("pk"))
    return update_model._default_manager.filter(counts).exclude(Exists(corrections))


def _latest(update_model: type[models.Model], column: str) -> Subquery:
    """The newest counted update with a RAG, as `Action.latest_update` picks it: by date,
    undated notes first (they predate the system), then by id."""
    newest = (
        counted_updates(update_model)
        .filter(action=OuterRef("pk"))
        .exclude(rag="")
        .order_by(F("date").desc(nulls_last=True), "-id")
    )
    return Subquery(newest.values(column)[:1])


def delivery_columns(update_model: type[models.Model]) -> dict[str, Any]:
    """The SQL for each kept column, from the counted updates (see the module docstring).

    The percentage follows `core.delivery.action_percent`: the latest update's own
    percentage, else the action's, else what its RAG stands for.
    """
    number: models.IntegerField[int, int] = models.IntegerField()
    text: models.CharField[str, str] = models.CharField()
    own = Coalesce(
        _latest(update_model, "percent_complete"), F("percent_complete"), output_field=number
    )
    rag = Coalesce(_latest(update_model, "rag"), Value("not_started"), output_field=text)
    by_rag = [When(Exact(rag, key), then=Value(pct)) for key, pct in STATUS_PERCENT.items()]
    newest_date = (
        counted_updates(update_model)
        .filter(action=OuterRef("pk"), date__isnull=False)
        .order_by("-date")
        .values("date")[:1]
    )
    return {
        "current_update_id": _latest(update_model, "id"),
        "current_rag": rag,
        "current_percent": Case(
            When(GreaterThan(own, 100), then=Value(100)),
            When(IsNull(own, False), then=own),
            *by_rag,
            default=Value(0),
            output_field=number,
        ),
        "last_update_on": Subquery(newest_date),
    }


def refresh_delivery(actions: models.QuerySet[Any]) -> int:
    """Recompute the kept columns of these actions in one UPDATE; returns how many."""
    from wellboard.strategy.models import ProgressUpdate

    chosen = actions.model._base_manager.filter(pk__in=actions.values("pk"))
    return int(chosen.update(**delivery_columns(ProgressUpdate)))


@dataclass
class Deferred:
    """What a bulk path touched, and how often the refresh was asked for and run.

    `requests` counts the per-row refreshes asked for (by signals or by the path itself)
    and put off; `refreshes` counts the refresh statements run at the end.
    """

    actions: set[int] = field(default_factory=set)
    requests: int = 0
    refreshes: int = 0

    def finish(self) -> None:
        """Refresh the touched actions, one statement per plan they belong to."""
        from wellboard.strategy.models import Action

        by_plan: dict[int, list[int]] = {}
        ids = sorted(self.actions)
        for start in range(0, len(ids), CHUNK):
            found = Action._base_manager.filter(pk__in=ids[start : start + CHUNK])
            for pk, plan_id in found.values_list("pk", "priority__theme__plan_id"):
                by_plan.setdefault(plan_id, []).append(pk)
        for plan_id in sorted(by_plan):
            refresh_delivery(Action._base_manager.filter(pk__in=by_plan[plan_id]))
            self.refreshes += 1
        self.actions.clear()


CHUNK = 900  # ids per IN list: under SQLite's oldest limit of 999 variables
_deferred: ContextVar[Deferred | None] = ContextVar("wellboard_deferred_refresh", default=None)


@contextmanager
def deferred_refresh() -> Iterator[Deferred]:
    """Put off the per-row refresh until the end of a bulk write, in its transaction.

    Nested uses join the outermost, which refreshes once when it ends. If the body
    raises, nothing is refreshed: the transaction is rolled back anyway.
    """
    outer = _deferred.get()
    if outer is not None:
        yield outer
        return
    with transaction.atomic():
        touched = Deferred()
        token = _deferred.set(touched)
        try:
            yield touched
        finally:
            _deferred.reset(token)
        touched.finish()


def refresh_actions(action_ids: Iterable[int | None]) -> None:
    """Refresh these actions now, or at the end of the bulk write under way."""
    from wellboard.strategy.models import Action

    chosen = {pk for pk in action_ids if pk is not None}
    if not chosen:
        return
    touched = _deferred.get()
    if touched is not None:
        touched.actions |= chosen
        touched.requests += 1
        return
    if len(chosen) == 1:
        refresh_one(chosen.pop())
        return
    refresh_delivery(Action._base_manager.filter(pk__in=chosen))


# The id the single-action statement is compiled with, where the action's id goes: no
# action has a negative id, and no other parameter of the statement is one.
_STAND_IN = -7_031_959_001
_SINGLE: dict[str, tuple[str, tuple[Any, ...], int]] = {}


def refresh_one(action_id: int) -> int:
    """`refresh_delivery` of one action (every web write), its UPDATE compiled once per
    process: building and compiling the statement's six correlated subqueries cost
    about 9 ms of CPU an update under the ORM, more than the rest of the write. The
    statement is the ORM's own (`_single_statement`), run with this action's id."""
    sql, params, at = _single_statement()
    values = list(params)
    values[at] = action_id
    with transaction.mark_for_rollback_on_error(), connection.cursor() as cursor:
        cursor.execute(sql, values)
        return int(cursor.rowcount)


def _single_statement() -> tuple[str, tuple[Any, ...], int]:
    """The UPDATE `refresh_delivery` runs for `pk=<one id>`, with the stand-in id, and
    where in its parameters the id goes; kept per database vendor."""
    found = _SINGLE.get(connection.vendor)
    if found is None:
        from wellboard.strategy.models import Action, ProgressUpdate

        query = cast(
            UpdateQuery, Action._base_manager.filter(pk=_STAND_IN).query.chain(UpdateQuery)
        )
        query.add_update_values(delivery_columns(ProgressUpdate))
        sql, params = query.get_compiler(connection=connection).as_sql()
        assert list(params).count(_STAND_IN) == 1, "the id goes in one place"
        found = (sql, tuple(params), list(params).index(_STAND_IN))
        _SINGLE[connection.vendor] = found
    return found


def refresh_action(action_id: int | None) -> None:
    refresh_actions([action_id])


def _on_update_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    # Raw saves (a backup being restored) refresh once at the end instead.
    if not raw:
        refresh_action(instance.action_id)


def _on_review_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        from wellboard.strategy.models import ProgressUpdate

        updates = ProgressUpdate.objects.filter(pk=instance.update_id)
        refresh_action(updates.values_list("action_id", flat=True).first())


def _on_action_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    # A save writes every column back, the kept ones as they were read: put them right.
    if not raw:
        refresh_action(instance.pk)


def keep_delivery_current() -> None:
    """Connect the signals; called once from the strategy app's ready()."""
    from wellboard.strategy.models import Action, ProgressUpdate, UpdateReview

    post_save.connect(_on_update_saved, sender=ProgressUpdate, dispatch_uid="delivery-update")
    post_save.connect(_on_review_saved, sender=UpdateReview, dispatch_uid="delivery-review")
    post_save.connect(_on_action_saved, sender=Action, dispatch_uid="delivery-action")
