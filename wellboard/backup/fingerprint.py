"""A per-table count and checksum of a backup document that does not depend on row ids.

Ids differ between the installation a backup was made in and the one it is restored
into, so each row's id is replaced by its rank in its table (restore inserts rows in id
order, so ranks survive) and each link by the rank of the row it points at; user accounts
are known by username. Two backups of the same partnership content give equal figures.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model

from wellboard.backup.document import BackupEncoder

HISTORY = "history.changerecord"


def _identities(document: dict[str, Any]) -> dict[str, dict[Any, Any]]:
    user_label = get_user_model()._meta.label_lower
    found: dict[str, dict[Any, Any]] = {}
    for table in document["tables"]:
        pks = [row["pk"] for row in table["rows"]]
        if table["model"] == user_label:
            found[user_label] = {row["pk"]: row["fields"]["username"] for row in table["rows"]}
        else:
            found[table["model"]] = {pk: rank for rank, pk in enumerate(sorted(pks))}
    return found


def _link(identities: dict[str, dict[Any, Any]], target: str, value: Any) -> Any:
    if value is None or isinstance(value, list | tuple):
        return list(value) if isinstance(value, tuple) else value
    return ["rank", identities.get(target, {}).get(value, ["outside", value])]


def _row(table: str, row: dict[str, Any], identities: dict[str, dict[Any, Any]]) -> str:
    model = apps.get_model(table)
    shaped: dict[str, Any] = {"id": identities[table].get(row["pk"])}
    for name, value in row["fields"].items():
        field = model._meta.get_field(name)
        target = field.related_model._meta.label_lower if field.is_relation else ""
        if field.many_to_many:
            shaped[name] = sorted(json.dumps(_link(identities, target, v)) for v in value)
        elif field.is_relation:
            shaped[name] = _link(identities, target, value)
        else:
            shaped[name] = value
    if table == HISTORY:
        owner = ".".join(row["fields"]["content_type"])
        shaped["object_id"] = _link(identities, owner, row["fields"]["object_id"])
    return json.dumps(shaped, cls=BackupEncoder, sort_keys=True)


def fingerprint(document: dict[str, Any], *, users: bool = True) -> dict[str, dict[str, Any]]:
    """{table: {"rows": count, "sha256": checksum}}; without `users`, usernames only."""
    identities = _identities(document)
    user_label = get_user_model()._meta.label_lower
    figures = {}
    for table in document["tables"]:
        label = table["model"]
        if label == user_label and not users:
            rows = sorted(row["fields"]["username"] for row in table["rows"])
        else:
            rows = sorted(_row(label, row, identities) for row in table["rows"])
        digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()
        figures[label] = {"rows": len(rows), "sha256": digest}
    return figures
