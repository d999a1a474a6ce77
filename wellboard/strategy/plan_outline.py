"""The strategy overview's picture of its plan: each theme's and priority's counts and
weighted percentage, read light.

`delivery_current.plan_summary` answers the same with model instances of every theme
and priority (their lead officers and sub-plans joined): on a 400-action plan reading
those forty priorities cost more CPU than counting the actions. The overview shows
only each one's ref, title and link, so here they are read as values with the columns
the page and the roll-ups need; the counting is plan_summary's one grouped query
(`counted_actions.priority_counts`).
tests/strategy/test_plan_outline.py holds the outline equal to plan_summary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import F

from wellboard.core.delivery import StatusCounts, rolled_up
from wellboard.strategy.counted_actions import delegated_plan, priority_counts
from wellboard.strategy.models import Plan, Priority, Theme


@dataclass(frozen=True, slots=True)
class Heading:
    """A theme or priority as the overview names and links it, and its roll-up weight."""

    pk: int
    ref: str
    title: str
    weight: int


@dataclass
class PriorityOutline:
    priority: Heading
    counts: StatusCounts = field(default_factory=StatusCounts)
    percent: float | None = None


@dataclass
class ThemeOutline:
    theme: Heading
    priorities: list[PriorityOutline]
    counts: StatusCounts = field(default_factory=StatusCounts)
    percent: float | None = None


@dataclass
class PlanOutline:
    themes: list[ThemeOutline]
    counts: StatusCounts = field(default_factory=StatusCounts)
    percent: float | None = None


def plan_outline(plan: Plan, today: date) -> PlanOutline:
    """`plan_summary`'s counts and percentages at every level: three queries."""
    themes = list(
        Theme.objects.filter(plan=plan, archived_at__isnull=True).values(
            "pk", "ref", "title", "weight"
        )
    )
    priorities = list(
        Priority.objects.filter(theme__in=[t["pk"] for t in themes], archived_at__isnull=True)
        .order_by("theme__position", "theme_id", "position", "id")
        .values("pk", "theme_id", "ref", "title", "weight", "sub_plan_id",
                sub_plan_archived=F("sub_plan__archived_at"))
    )  # fmt: skip
    delegated = {
        p["pk"]: delegated_plan(p["sub_plan_id"], p["sub_plan_archived"] is not None, plan.pk)
        for p in priorities
    }
    counted = priority_counts(plan.pk, delegated, today)
    under: dict[int, list[PriorityOutline]] = {}
    for p in priorities:
        under.setdefault(p["theme_id"], []).append(PriorityOutline(_heading(p), *counted[p["pk"]]))
    outline = PlanOutline([_theme(_heading(t), under.get(t["pk"], [])) for t in themes])
    children = [(t.theme.weight, t.counts, t.percent) for t in outline.themes]
    outline.percent = rolled_up(outline.counts, children)
    return outline


def _heading(row: Mapping[str, Any]) -> Heading:
    return Heading(row["pk"], row["ref"], row["title"], row["weight"])


def _theme(theme: Heading, priorities: list[PriorityOutline]) -> ThemeOutline:
    outline = ThemeOutline(theme, priorities)
    children = [(p.priority.weight, p.counts, p.percent) for p in priorities]
    outline.percent = rolled_up(outline.counts, children)
    return outline
