"""Records as they stood at a past moment, read back from the change history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from wellboard.history.models import ChangeRecord


def fields_as_of(
    model: type[models.Model], ids: Iterable[int], moment: dt.datetime
) -> dict[int, dict[str, Any]]:
    """For each id, the fields changed since `moment` with the value they had then.

    The first change after the moment carries, as its "before", the value that stood at
    the moment; later changes to the same field are irrelevant. One query for all ids.
    Values are converted back from their JSON form with each field's own `to_python`.
    """
    records = ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=list(ids),
        verb=ChangeRecord.Verb.CHANGED,
        at__gt=moment,
    ).order_by("at", "id")
    fields = {f.attname: f for f in model._meta.concrete_fields}
    state: dict[int, dict[str, Any]] = {}
    for record in records.only("object_id", "changes"):
        values = state.setdefault(record.object_id, {})
        for name, change in record.changes.items():
            if name in fields and name not in values:
                values[name] = fields[name].to_python(change["before"])
    return state
