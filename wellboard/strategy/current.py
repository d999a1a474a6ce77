"""An action's current delivery read from its own row: the kept columns and the day's rules.

The columns are derived from the counted updates and kept by
wellboard/strategy/delivery_cache.py; they are left out of backups (`serialize=False`,
restore recomputes them) and out of forms (`editable=False`). What depends on the day
(overdue, no update for 90 days) is worked out here, once in Python for a row already
read and once in SQL for filtering and counting in the database: the tests hold the two
to the same answers as `Action.status_on` over the whole history.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import models
from django.db.models import Case, Q, Value, When

from wellboard.strategy.choices import DeliveryStatus, Rag

STALE_AFTER = timedelta(days=90)


class CurrentDelivery(models.Model):
    """The kept columns, on Action."""

    current_rag = models.CharField(
        max_length=20,
        choices=Rag.choices,
        default=Rag.NOT_STARTED,
        editable=False,
        serialize=False,
        help_text="The RAG of the newest counted update (kept, derived).",
    )
    current_percent = models.PositiveSmallIntegerField(
        default=0,
        editable=False,
        serialize=False,
        help_text="How much of the action is done, for roll-ups (kept, derived).",
    )
    current_update = models.ForeignKey(
        "strategy.ProgressUpdate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        serialize=False,
    )
    last_update_on = models.DateField(null=True, blank=True, editable=False, serialize=False)

    class Meta:
        abstract = True

    # Declared by Action.
    due_end: date | None
    ongoing: bool

    def current_status_on(self, today: date) -> DeliveryStatus:
        """`Action.status_on` from the kept RAG."""
        return status_for(self.current_rag, self.due_end, self.ongoing, today)

    def current_stale_on(self, today: date) -> bool:
        """No counted update for 90 days and not complete: the action wants chasing."""
        return stale_for(self.current_status_on(today), self.last_update_on, today)


def stale_for(status: str, last_update_on: date | None, today: date) -> bool:
    """`current_stale_on` for a row read as values (the dashboard, "my actions")."""
    if status == DeliveryStatus.COMPLETE:
        return False
    return last_update_on is None or today - last_update_on > STALE_AFTER


def status_for(rag: str, due_end: date | None, ongoing: bool, today: date) -> DeliveryStatus:
    """Complete stays complete; past its due date (and not ongoing) is overdue; else the RAG."""
    if rag == Rag.COMPLETE:
        return DeliveryStatus.COMPLETE
    if due_end and due_end < today and not ongoing:
        return DeliveryStatus.OVERDUE
    return DeliveryStatus(rag or Rag.NOT_STARTED)


def overdue_q(today: date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}due_end__lt": today, f"{prefix}ongoing": False}) & ~Q(
        **{f"{prefix}current_rag": Rag.COMPLETE}
    )


def status_expression(today: date, prefix: str = "") -> Case:
    """`status_for` in SQL, over the kept columns (`prefix` reaches them across a join)."""
    complete = Q(**{f"{prefix}current_rag": Rag.COMPLETE})
    return Case(
        When(complete, then=Value(DeliveryStatus.COMPLETE.value)),
        When(overdue_q(today, prefix), then=Value(DeliveryStatus.OVERDUE.value)),
        default=models.F(f"{prefix}current_rag"),
        output_field=models.CharField(),
    )


def stale_q(today: date, prefix: str = "") -> Q:
    """`current_stale_on` in SQL."""
    quiet = Q(**{f"{prefix}last_update_on__isnull": True}) | Q(
        **{f"{prefix}last_update_on__lt": today - STALE_AFTER}
    )
    return quiet & ~Q(**{f"{prefix}current_rag": Rag.COMPLETE})


def status_filter(status: str, today: date) -> Q:
    """Actions whose status on `today` is `status` ("stale": no update for 90 days)."""
    if status == "stale":
        return stale_q(today)
    if status == DeliveryStatus.COMPLETE:
        return Q(current_rag=Rag.COMPLETE)
    if status == DeliveryStatus.OVERDUE:
        return overdue_q(today)
    return Q(current_rag=status) & ~overdue_q(today)


def annotate_status(actions: Any, today: date) -> Any:
    return actions.annotate(delivery_status=status_expression(today))
