"""Which records make up a partnership, found from the models rather than listed by hand.

Every model that declares ``partnership_path`` (wellboard.base.scoping) is carried, with
its many-to-many lists, the user accounts its rows refer to and the change history of its
rows; so a new model is in the backup as soon as it declares its path, and
tests/backup/test_coverage.py fails for a model that reaches a partnership without one.
"""

from __future__ import annotations

from collections.abc import Iterable
from graphlib import CycleError, TopologicalSorter
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from wellboard.base.scoping import is_partnership_owned, partnership_id_lookup
from wellboard.history.models import ChangeRecord

# Models that reach a partnership but are not part of its record, and why.
NOT_CARRIED = {
    "tasks.BackgroundTask": "queued work and its result files; re-run, not restored",
    # A backup travels (a file, a new server): a restored copy must not let an old
    # integration in, so administrators of the restored partnership issue new tokens.
    "api.ApiToken": "API access (digests of secrets); never restored, tokens are issued again",
}


def owned_models() -> list[type[models.Model]]:
    """The partnership's models, parents before the rows that refer to them."""
    found = [
        model
        for model in apps.get_models()
        if is_partnership_owned(model) and model._meta.label not in NOT_CARRIED
    ]
    return _ordered(found)


def _edges(model: type[models.Model], among: set[Any], *, nullable: bool) -> set[Any]:
    return {
        field.related_model
        for field in model._meta.concrete_fields
        if field.is_relation
        and field.related_model in among
        and field.related_model is not model
        and (nullable or not field.null)
    }


def _ordered(found: list[type[models.Model]]) -> list[type[models.Model]]:
    """Topological order; when nullable links make a cycle, they are filled in afterwards."""
    among = set(found)
    found.sort(key=lambda m: m._meta.label)
    for nullable in (True, False):
        graph = {m: _edges(m, among, nullable=nullable) for m in found}
        try:
            return list(TopologicalSorter(graph).static_order())
        except CycleError:
            continue
    raise CycleError("partnership models refer to each other through required links")


def reaches_partnership(model: type[models.Model]) -> bool:
    """Whether a chain of links leads from the model to a partnership (for the coverage test)."""
    partnership = apps.get_model("partnerships", "Partnership")
    seen: set[Any] = set()
    todo: list[Any] = [model]
    while todo:
        current = todo.pop()
        if current is partnership:
            return True
        if current in seen:
            continue
        seen.add(current)
        todo += [f.related_model for f in current._meta.concrete_fields if f.is_relation]
    return False


def owned_rows(model: type[models.Model], partnership_id: int) -> models.QuerySet[Any]:
    """Every row, archived ones included (the base manager hides nothing)."""
    lookup = partnership_id_lookup(model)
    return model._base_manager.filter(**{lookup: partnership_id}).order_by("pk")


def users_named(usernames: Iterable[str]) -> models.QuerySet[Any]:
    user_model = get_user_model()
    return user_model._base_manager.filter(username__in=sorted(set(usernames))).order_by("pk")


def change_records(ids_by_model: dict[type[models.Model], list[int]]) -> list[ChangeRecord]:
    """The history of the carried rows, oldest first."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()  # ids from the database itself, never a stale cache
    found: list[ChangeRecord] = []
    for model, ids in ids_by_model.items():
        content_type = ContentType.objects.get_for_model(model)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            found += ChangeRecord.objects.filter(content_type=content_type, object_id__in=chunk)
    return sorted(found, key=lambda record: record.pk)
