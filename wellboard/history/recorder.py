"""Record every save and delete of a tracked model, through Django's model signals.

Signals rather than explicit calls from services, so that the admin, the exchange loader
and any future code path are recorded too; nobody has to remember. The acting user comes
from a context variable that `HistoryUserMiddleware` sets for each request (and
`acting_as` for commands and tests). Bulk operations (`bulk_create`, `QuerySet.update`)
send no signals, so code that needs them recorded calls `record` itself.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from contextvars import ContextVar
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save

from wellboard.history.models import ChangeRecord

_acting_user: ContextVar[Any] = ContextVar("wellboard_history_user", default=None)
IGNORED_FIELDS = frozenset({"id", "created_at", "updated_at", "version"})
_tracked: set[type[models.Model]] = set()


@contextlib.contextmanager
def acting_as(user: Any) -> Iterator[None]:
    token = _acting_user.set(user)
    try:
        yield
    finally:
        _acting_user.reset(token)


def _fields(model: type[models.Model]) -> list[str]:
    return [
        f.attname
        for f in model._meta.concrete_fields
        # Columns left out of serialising are derived (an action's kept delivery): no history.
        if f.attname not in IGNORED_FIELDS and not f.primary_key and getattr(f, "serialize", True)
    ]


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Fields whose value differs, as {"field": {"before": old, "after": new}}."""
    return {
        name: {"before": _jsonable(before.get(name)), "after": _jsonable(after.get(name))}
        for name in after
        if _jsonable(before.get(name)) != _jsonable(after.get(name))
    }


def record(instance: models.Model, verb: str, changes: dict[str, dict[str, Any]]) -> None:
    user = _acting_user.get()
    authenticated = user is not None and getattr(user, "is_authenticated", False)
    ChangeRecord.objects.create(
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=instance.pk,
        object_repr=str(instance)[:300],
        verb=verb,
        changes=changes,
        user=user if authenticated else None,
        user_name=user.get_username() if authenticated else "",
    )


def _values(instance: models.Model) -> dict[str, Any]:
    return {name: getattr(instance, name) for name in _fields(type(instance))}


def _before_save(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if kwargs.get("raw") or instance.pk is None:
        return
    row = sender._base_manager.filter(pk=instance.pk).values(*_fields(sender)).first()
    instance._history_before = row  # type: ignore[attr-defined]


def _after_save(
    sender: type[models.Model], instance: models.Model, created: bool, **kwargs: Any
) -> None:
    if kwargs.get("raw"):
        return
    before = None if created else getattr(instance, "_history_before", None)
    changes = diff(before or {}, _values(instance))
    if created or before is None:
        record(instance, ChangeRecord.Verb.CREATED, changes)
    elif changes:
        record(instance, ChangeRecord.Verb.CHANGED, changes)


def _after_delete(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    record(instance, ChangeRecord.Verb.DELETED, diff(_values(instance), {}))


def track(*models_to_track: type[models.Model]) -> None:
    for model in models_to_track:
        if model in _tracked:
            continue
        _tracked.add(model)
        uid = f"history-{model._meta.label}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=uid)
        post_save.connect(_after_save, sender=model, dispatch_uid=uid)
        post_delete.connect(_after_delete, sender=model, dispatch_uid=uid)


def history_for(instance: models.Model, limit: int = 50) -> list[ChangeRecord]:
    content_type = ContentType.objects.get_for_model(type(instance))
    return list(
        ChangeRecord.objects.filter(content_type=content_type, object_id=instance.pk)[:limit]
    )
