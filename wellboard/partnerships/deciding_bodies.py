"""The bodies that decide on a partnership's strategy: the Health and Wellbeing Board, the
council's Cabinet, the Integrated Care Board...

Each body has a part in the lifecycle (wellboard.core.lifecycle.JOINT): it approves the
strategy, adopts it, or takes other decisions only (agreeing a consultation, closing).
A strategy is approved once every approving body has recorded its approval, and adopted
once every adopting body has recorded its adoption (strategy.lifecycle). Bodies are
archived, never deleted: decisions already recorded keep pointing at them.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models

from wellboard.base.archive import ArchivableModel, ArchivableQuerySet
from wellboard.base.models import TimestampedModel
from wellboard.base.versioning import VersionedModel


class DecidingBodyQuerySet(ArchivableQuerySet[Any]):
    def named(self, name: str) -> DecidingBody | None:
        """The active body called `name` (any case, spaces around ignored), or None."""
        return self.active().filter(name__iexact=name.strip()).first()


class DecidingBody(ArchivableModel, VersionedModel, TimestampedModel):
    class Part(models.TextChoices):
        APPROVES = "approves", "Approves the strategy"
        ADOPTS = "adopts", "Adopts the strategy"
        OTHER = "other", "Other decisions only"

    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="deciding_bodies"
    )
    name = models.CharField(max_length=200)
    part = models.CharField(
        max_length=20,
        choices=Part.choices,
        default=Part.OTHER,
        help_text="The strategy is approved once every approving body has approved it, and "
        "adopted once every adopting body has adopted it.",
    )
    position = models.PositiveIntegerField(default=0)

    objects = DecidingBodyQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name_plural = "deciding bodies"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="unique_deciding_body_name"
            )
        ]

    def __str__(self) -> str:
        return self.name
