"""Queries for the records that sit under a strategy, with each path written once.

Every such model declares ``strategy_path``, its lookup path to the strategy, built from
the paths below (a milestone's is ``"action__" + ACTION_PATH``), and ``partnership_path``
from that. Callers say what they mean, ``Action.objects.in_plan(plan)``, instead of
spelling ``priority__theme__plan`` again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self, TypeVar

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from wellboard.base.archive import ArchivableQuerySet

M = TypeVar("M", bound=models.Model)

# Each level's path to its strategy, built from the level above it.
PLAN_PATH = "strategy"
THEME_PATH = f"plan__{PLAN_PATH}"
PRIORITY_PATH = f"theme__{THEME_PATH}"
ACTION_PATH = f"priority__{PRIORITY_PATH}"


def path_to(model: type[Any], level: str) -> str:
    """The lookup from `model` to `level` ("plan", "theme", ...), "" for the model itself."""
    parts: list[str] = model.strategy_path.split("__")
    if level in parts:
        return "__".join(parts[: parts.index(level) + 1])
    if model._meta.model_name == level:
        return ""
    raise ValueError(f"{model.__name__} does not sit under a {level}")


def _lookup(model: type[Any], level: str) -> str:
    path = path_to(model, level)
    return path if path else "pk"


class StrategyQuerySet(ArchivableQuerySet[M]):
    def published(self) -> Self:
        """What anyone, signed in or not, may read."""
        return self.filter(published=True)


class PlanPartQuerySet(ArchivableQuerySet[M]):
    """Plans, themes, priorities, actions and what hangs off them; ``active()`` leaves
    out what is archived, or sits under something archived."""

    def in_strategy(self, strategy: Any) -> Self:
        return self.filter(**{_lookup(self.model, "strategy"): strategy})

    def in_strategies(self, strategies: Iterable[Any] | models.QuerySet[Any]) -> Self:
        return self.filter(**{f"{_lookup(self.model, 'strategy')}__in": strategies})

    def in_plan(self, plan: Any) -> Self:
        return self.filter(**{_lookup(self.model, "plan"): plan})

    def in_theme(self, theme: Any) -> Self:
        return self.filter(**{_lookup(self.model, "theme"): theme})

    def published(self) -> Self:
        """Records of published strategies: what the public may read."""
        return self.filter(**{f"{path_to(self.model, 'strategy')}__published": True})

    def with_plan(self) -> Self:
        """Fetch the chain up to the plan along (theme, priority, ... on the way)."""
        return self.select_related(path_to(self.model, "plan"))

    def with_strategy(self) -> Self:
        return self.select_related(path_to(self.model, "strategy"))

    def in_plan_order(self) -> Self:
        """As the plans print them: strategy, plan, theme, priority, then the record."""
        return self.order_by(*plan_order(self.model))


def plan_order(model: type[Any]) -> list[str]:
    parts: list[str] = model.strategy_path.split("__")
    order = [f"{model.strategy_path}_id"]
    for depth in range(len(parts) - 1, 0, -1):
        prefix = "__".join(parts[:depth])
        order += [f"{prefix}__position", f"{prefix}_id"]
    try:
        model._meta.get_field("position")
    except FieldDoesNotExist:
        return [*order, "id"]
    return [*order, "position", "id"]
