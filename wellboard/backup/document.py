"""A partnership as one backup document: rows serialised by Django, with natural keys.

Rows keep their original ids; links between carried rows use those ids and are remapped on
restore, while links to records every installation has (user accounts, content types,
catalogue entries) are written as natural keys. The document carries the migrations it
was made under and a SHA-256 of its tables, so a damaged or foreign file is refused.
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from wellboard.backup.collect import change_records, owned_models, owned_rows, users_named
from wellboard.history.models import ChangeRecord

FORMAT = "wellboard-backup"
VERSION = 1


class BackupError(Exception):
    """A backup that cannot be made or read; the message is one line for the user."""


def _rows(objects: Any, model: type[models.Model]) -> list[dict[str, Any]]:
    rows = serializers.serialize("python", objects, use_natural_foreign_keys=True)
    _check_outside_links(model)
    return [{"pk": row["pk"], "fields": row["fields"]} for row in rows]


def _check_outside_links(model: type[models.Model]) -> None:
    """A link to a record outside the backup must be by natural key, or it cannot be restored."""
    carried = set(owned_models())
    for field in model._meta.concrete_fields:
        target = field.related_model
        if not field.is_relation or target in carried or target is model:
            continue
        if not hasattr(target, "natural_key") and not field.null:
            raise BackupError(f"{model._meta.label}.{field.name} refers outside the partnership")


def _users_in(rows: list[dict[str, Any]], model: type[models.Model]) -> set[str]:
    user_model = get_user_model()
    names = set()
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model is user_model:
            names |= {row["fields"][field.name][0] for row in rows if row["fields"][field.name]}
    return names


def _outside_pk_links_cleared(rows: list[dict[str, Any]], model: type[models.Model]) -> None:
    """Nullable links to uncarried records without a natural key (a queued task) are dropped."""
    carried = set(owned_models())
    for field in model._meta.concrete_fields:
        target = field.related_model
        if field.is_relation and target not in carried and not hasattr(target, "natural_key"):
            for row in rows:
                row["fields"][field.name] = None


def _user_rows(usernames: set[str], with_passwords: bool) -> list[dict[str, Any]]:
    user_model = get_user_model()
    rows = _rows(users_named(usernames), user_model)
    if not with_passwords:
        for row in rows:
            row["fields"]["password"] = ""
    return rows


def build_backup(partnership: Any, *, with_passwords: bool = False) -> dict[str, Any]:
    """The whole partnership as a document (see the module docstring)."""
    tables: list[dict[str, Any]] = []
    usernames: set[str] = set()
    ids: dict[type[models.Model], list[int]] = {}
    for model in owned_models():
        rows = _rows(owned_rows(model, partnership.pk), model)
        _outside_pk_links_cleared(rows, model)
        usernames |= _users_in(rows, model)
        ids[model] = [row["pk"] for row in rows]
        tables.append({"model": model._meta.label_lower, "rows": rows})
    history = _rows(change_records(ids), ChangeRecord)
    usernames |= _users_in(history, ChangeRecord)
    user_table = {
        "model": get_user_model()._meta.label_lower,
        "rows": _user_rows(usernames, with_passwords),
    }
    tables = [user_table, *tables, {"model": ChangeRecord._meta.label_lower, "rows": history}]
    return {
        "format": FORMAT,
        "version": VERSION,
        "made_at": timezone.now().isoformat(),
        "partnership": {"id": partnership.pk, "name": partnership.name},
        "with_passwords": with_passwords,
        "migrations": applied_migrations(),
        "tables": tables,
        "sha256": checksum(tables),
    }


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


class BackupEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds, so a restore is exact."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def _text(value: Any) -> str:
    return json.dumps(value, cls=BackupEncoder, sort_keys=True, ensure_ascii=False)


def checksum(tables: list[dict[str, Any]]) -> str:
    """SHA-256 of the tables as written; the same after a read, so damage shows."""
    return hashlib.sha256(_text(json.loads(_text(tables))).encode()).hexdigest()


def backup_bytes(document: dict[str, Any]) -> bytes:
    return (_text(document) + "\n").encode()


def write_backup(document: dict[str, Any], path: Path) -> None:
    """Write as JSON, compressed when the name ends in .gz."""
    data = backup_bytes(document)
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)


def read_backup(path: Path) -> dict[str, Any]:
    """Read and check a backup file, refusing a damaged, foreign or newer-format one."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BackupError(f"{path}: {exc.strerror or 'cannot be read'}") from None
    try:
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        document = json.loads(data)
    except (OSError, EOFError, ValueError):
        raise BackupError(
            f"{path}: damaged or not a Wellboard backup (not readable JSON)"
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(f"{path}: not a Wellboard backup")
    if document.get("version") != VERSION:
        raise BackupError(
            f"{path}: backup format version {document.get('version')!r}, "
            f"this Wellboard reads version {VERSION}"
        )
    tables = document.get("tables")
    if not isinstance(tables, list) or checksum(tables) != document.get("sha256"):
        raise BackupError(f"{path}: damaged: its contents do not match its checksum")
    return document
