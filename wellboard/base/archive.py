"""Archiving instead of deleting: what a board wrote stays, it only stops being shown.

A record that delivery records hang off (updates, reviews, comments, history) is never
deleted from the app: it is archived (``archived_at``, ``archived_by``), and lists,
reports and exports show ``active()`` records only. A plan object is active only while
everything above it is too, so archiving a theme hides its priorities and actions without
touching them; restoring the theme brings them all back.

``delete_or_explain`` is for the rare real delete (an empty record made by mistake): it
refuses with a sentence that says what still depends on the record, instead of letting
Django's cascade take delivery records along.
"""

from __future__ import annotations

from typing import Any, Self, TypeVar

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils import timezone

from wellboard.base.scoping import PartnershipQuerySet

M = TypeVar("M", bound=models.Model)


def _archived_lookups(model: type[models.Model]) -> list[str]:
    """``archived_at`` lookups of the record and of every archivable record above it,
    read from the model's declared ``strategy_path`` (or ``partnership_path``)."""
    path: str = getattr(model, "strategy_path", "") or getattr(model, "partnership_path", "")
    steps = path.split("__") if path else []
    lookups = []
    current: type[models.Model] = model
    prefix = ""
    if _is_archivable(current):
        lookups.append("archived_at__isnull")
    for step in steps:
        try:
            field = current._meta.get_field(step)
        except FieldDoesNotExist:
            break
        target = field.related_model
        if not isinstance(target, type):
            break
        prefix = f"{prefix}{step}__"
        current = target
        if _is_archivable(current):
            lookups.append(f"{prefix}archived_at__isnull")
    return lookups


def _is_archivable(model: type[models.Model]) -> bool:
    return issubclass(model, ArchivableModel)


class ArchivableQuerySet(PartnershipQuerySet[M]):
    """``active()``: neither the record nor anything above it is archived."""

    def active(self) -> Self:
        return self.filter(**dict.fromkeys(_archived_lookups(self.model), True))

    def archived(self) -> Self:
        """Records archived themselves (not those hidden by an archived parent)."""
        return self.filter(archived_at__isnull=False)


class ArchivableModel(models.Model):
    """A record that is archived, never deleted, once anything depends on it."""

    archived_at = models.DateTimeField(null=True, blank=True, editable=False)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def archive(self, user: Any = None) -> None:
        """Hide the record from lists, reports and exports; everything under it stays."""
        if self.archived_at is not None:
            return
        self.archived_at = timezone.now()
        self.archived_by = user if user is not None and user.is_authenticated else None
        self.save()

    def restore(self) -> None:
        self.archived_at = None
        self.archived_by = None
        self.save()


def dependents(obj: models.Model) -> dict[str, int]:
    """What a delete of `obj` would take with it or is refused by, counted by kind
    ("progress updates": 3), so that a refusal can say what depends on the record."""
    collector = Collector(using=router.db_for_write(type(obj)), origin=obj)
    counts: dict[str, int] = {}
    try:
        collector.collect([obj])
    except (ProtectedError, RestrictedError) as error:
        blocking = (
            error.protected_objects
            if isinstance(error, ProtectedError)
            else (error.restricted_objects)
        )
        for record in blocking:
            name = str(record._meta.verbose_name_plural)
            counts[name] = counts.get(name, 0) + 1
        return counts
    for model, records in collector.data.items():
        if model is type(obj) or not records:
            continue
        counts[str(model._meta.verbose_name_plural)] = len(records)
    return counts


def delete_or_explain(obj: models.Model) -> None:
    """Delete `obj`, or refuse with a sentence naming what still depends on it."""
    try:
        obj.delete()
    except (ProtectedError, RestrictedError):
        found = dependents(obj)
        listed = ", ".join(f"{count} {name}" for name, count in sorted(found.items()))
        raise ValidationError(
            f"{obj} cannot be deleted: {listed or 'other records'} depend on it. "
            "Archive it instead."
        ) from None
