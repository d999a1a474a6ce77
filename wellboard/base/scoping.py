"""How a record reaches its partnership, declared once on its model.

A model that belongs to a partnership names the Django lookup path to it in the class
attribute ``partnership_path`` (``"strategy__partnership"`` for a plan, ``""`` for the
partnership itself). The permission layer (wellboard.accounts.permissions) and these
queryset methods read only that declaration, so the lower layers can scope the records of
apps above them without importing those apps (docs/adr/0005-layers-and-permissions.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, Self, TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


class PartnershipOwned(Protocol):
    """Any model with a declared path to its partnership."""

    partnership_path: str


def partnership_id_lookup(model: type[Any]) -> str:
    """The lookup of the partnership's id: ``"strategy__partnership_id"``, or ``"pk"``."""
    path: str = model.partnership_path
    return f"{path}_id" if path else "pk"


def parent_path(model: type[Any]) -> str:
    """What select_related must fetch so that ``partnership_id_of`` needs no query."""
    path: str = getattr(model, "partnership_path", "")
    return path.rsplit("__", 1)[0] if "__" in path else ""


def partnership_id_of(obj: Any) -> int:
    """The id of the partnership `obj` belongs to, following its model's declared path."""
    path: str = type(obj).partnership_path
    if not path:
        return int(obj.pk)
    *steps, last = path.split("__")
    target = obj
    for step in steps:
        target = getattr(target, step)
    return int(getattr(target, f"{last}_id"))


def is_partnership_owned(model: type[Any]) -> bool:
    return isinstance(getattr(model, "partnership_path", None), str)


class PartnershipQuerySet(models.QuerySet[M, M]):
    """Queries by partnership for a model that declares ``partnership_path``."""

    def in_partnerships(self, partnership_ids: Iterable[int]) -> Self:
        lookup = partnership_id_lookup(self.model)
        return self.filter(**{f"{lookup}__in": list(partnership_ids)})

    def in_partnership(self, partnership: Any) -> Self:
        partnership_id = partnership if isinstance(partnership, int) else partnership.pk
        return self.filter(**{partnership_id_lookup(self.model): partnership_id})

    def with_partnership_path(self) -> Self:
        """Fetch the chain to the partnership along, so permission checks cost no query."""
        parent = parent_path(self.model)
        return self.select_related(parent) if parent else self
