"""Restoring a partnership from a backup document, in one transaction.

Rows are inserted in the document's order (parents first) as new rows, through
``save_base(raw=True)`` as Django's loaddata does, so timestamps are kept and no signal
records a change. Their new ids are remembered and every link between carried rows is
remapped; a link to a row not yet inserted (a self-reference) is filled in at the end.
User accounts are matched by username. A missing one is created (with no usable password
unless the backup carries password hashes); one that exists already is a refusal, since
the restored memberships would give that account a role in the partnership, unless the
person restoring says the accounts are the same people (`--use-existing-users`), when it
is kept as it is. When all is
in, the restored partnership is backed up again in memory and compared table by table
with the file: any difference rolls everything back.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from wellboard.backup.collect import owned_models
from wellboard.backup.document import BackupError, applied_migrations, build_backup
from wellboard.backup.fingerprint import fingerprint
from wellboard.history.models import ChangeRecord
from wellboard.strategy.delivery_cache import deferred_refresh, refresh_actions

_LATER = object()


class _Restorer:
    def __init__(self, *, use_existing_users: bool = False) -> None:
        self.use_existing_users = use_existing_users
        self.ids: dict[str, dict[int, int]] = {}
        self.later: list[tuple[type[models.Model], int, Any, Any]] = []
        self.many: list[tuple[type[models.Model], int, str, list[Any]]] = []
        self.users_created = 0
        self.users_kept = 0
        carried = owned_models()
        self.carried = {m._meta.label_lower for m in carried}

    def target(self, field: Any, value: Any) -> Any:
        """The new id a link points at (`_LATER` when its row is not in yet)."""
        related = field.related_model
        if value is None:
            return None
        if isinstance(value, list | tuple):
            try:
                return related._default_manager.get_by_natural_key(*value).pk
            except related.DoesNotExist:
                raise BackupError(
                    f"{related._meta.label} {value!r} is not in this installation"
                ) from None
        label = related._meta.label_lower
        if label in self.carried or related is get_user_model():
            found = self.ids.get(label, {}).get(value)
            return _LATER if found is None else found
        raise BackupError(f"{field.model._meta.label}.{field.name}: link outside the backup")

    def insert(self, model: type[models.Model], row: dict[str, Any]) -> int:
        values: dict[str, Any] = {}
        pending: list[tuple[Any, Any]] = []
        for field in model._meta.concrete_fields:
            if field.primary_key or field.name not in row["fields"]:
                continue
            raw = row["fields"][field.name]
            if field.is_relation:
                value = self.target(field, raw)
                if value is _LATER:
                    if not field.null:
                        raise BackupError(
                            f"{model._meta.label} {row['pk']}: a required link comes later"
                        )
                    pending.append((field, raw))
                    value = None
                values[field.attname] = value
            else:
                values[field.attname] = field.to_python(raw)
        record = model(**values)
        record.save_base(raw=True)
        self.ids.setdefault(model._meta.label_lower, {})[row["pk"]] = record.pk
        for field, raw in pending:
            self.later.append((model, record.pk, field, raw))
        for field in model._meta.many_to_many:
            if field.name in row["fields"] and row["fields"][field.name]:
                self.many.append((model, record.pk, field.name, row["fields"][field.name]))
        return int(record.pk)

    def user(self, model: type[models.Model], row: dict[str, Any]) -> None:
        existing = model._base_manager.filter(username=row["fields"]["username"]).first()
        if existing is not None and not self.use_existing_users:
            raise BackupError(
                f"a user called {row['fields']['username']!r} exists here already: if the "
                "backup's users are the same people, restore with --use-existing-users"
            )
        if existing is not None:
            self.ids.setdefault(model._meta.label_lower, {})[row["pk"]] = existing.pk
            self.users_kept += 1
            return
        if not row["fields"].get("password"):
            row = {**row, "fields": {**row["fields"], "password": "!restored-without-password"}}
        self.insert(model, row)
        self.users_created += 1

    def change_record(self, row: dict[str, Any]) -> None:
        content_type = row["fields"]["content_type"]
        label = ".".join(content_type)
        new_id = self.ids.get(label, {}).get(row["fields"]["object_id"])
        if new_id is None:
            raise BackupError(f"history of {label} {row['fields']['object_id']}: no such row")
        self.insert(ChangeRecord, {**row, "fields": {**row["fields"], "object_id": new_id}})

    def finish(self) -> None:
        for model, pk, field, raw in self.later:
            value = self.target(field, raw)
            if value is _LATER:
                raise BackupError(f"{model._meta.label} {pk}: {field.name} points at a missing row")
            model._base_manager.filter(pk=pk).update(**{field.attname: value})
        for model, pk, name, values in self.many:
            field = model._meta.get_field(name)
            targets = [self.target(field, value) for value in values]
            if _LATER in targets:
                raise BackupError(f"{model._meta.label} {pk}: {name} points at a missing row")
            getattr(model._base_manager.get(pk=pk), name).set(targets)


def _check_versions(document: dict[str, Any]) -> None:
    here = applied_migrations()
    for app, names in document.get("migrations", {}).items():
        missing = sorted(set(names) - set(here.get(app, [])))
        if missing:
            raise BackupError(
                f"made by a newer Wellboard (migration {app}.{missing[0]} is not applied here): "
                "upgrade, then restore"
            )


def _check_new(document: dict[str, Any]) -> None:
    partnership_model = apps.get_model("partnerships", "Partnership")
    (table,) = [t for t in document["tables"] if t["model"] == "partnerships.partnership"]
    (row,) = table["rows"]
    name, slug = row["fields"]["name"], row["fields"].get("slug")
    clash = partnership_model._base_manager.filter(
        models.Q(name=name) | models.Q(slug=slug)
    ).first()
    if clash is not None:
        raise BackupError(f"a partnership called {clash.name!r} already exists (id {clash.pk})")


@transaction.atomic
@deferred_refresh()
def restore_backup(
    document: dict[str, Any], *, use_existing_users: bool = False
) -> tuple[Any, dict[str, int]]:
    """Restore the partnership a read backup holds; refuse one that already exists."""
    _check_versions(document)
    ContentType.objects.clear_cache()
    try:
        _check_new(document)
    except (KeyError, ValueError, TypeError):
        raise BackupError("damaged: the backup holds no single partnership") from None
    restorer = _Restorer(use_existing_users=use_existing_users)
    counts: dict[str, int] = {}
    for table in document["tables"]:
        try:
            model = apps.get_model(table["model"])
        except (LookupError, ValueError):
            raise BackupError(f"the backup holds {table['model']!r}, unknown here") from None
        for row in table["rows"]:
            if model is get_user_model():
                restorer.user(model, row)
            elif model is ChangeRecord:
                restorer.change_record(row)
            else:
                restorer.insert(model, row)
        counts[table["model"]] = len(table["rows"])
    restorer.finish()
    # Backups leave out each action's kept delivery (derived): work it out from the updates.
    refresh_actions(restorer.ids.get("strategy.action", {}).values())
    new_id = restorer.ids["partnerships.partnership"][document["partnership"]["id"]]
    partnership = apps.get_model("partnerships", "Partnership")._base_manager.get(pk=new_id)
    _verify(document, partnership)
    counts["users created"] = restorer.users_created
    counts["users kept"] = restorer.users_kept
    return partnership, counts


def _verify(document: dict[str, Any], partnership: Any) -> None:
    again = build_backup(partnership, with_passwords=document.get("with_passwords", False))
    expected, found = fingerprint(document, users=False), fingerprint(again, users=False)
    for label, figures in expected.items():
        if found.get(label) != figures:
            raise BackupError(f"restored {label} differs from the backup: nothing was restored")
