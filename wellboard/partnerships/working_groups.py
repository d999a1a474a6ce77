"""Working groups: the sub-groups that oversee parts of a plan, and their places.

A group's membership is written as places: "one representative of each district council",
"a parent governor", with the person named where known and "to be advised" until then.
"""

from __future__ import annotations

from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models

from wellboard.base.limits import limited_text
from wellboard.base.models import TimestampedModel
from wellboard.base.versioning import VersionedModel


class WorkingGroup(TimestampedModel, VersionedModel):
    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="working_groups"
    )
    name = models.CharField(max_length=200)
    purpose = limited_text(blank=True)
    terms_of_reference = limited_text(blank=True)
    reports_to = models.ForeignKey(
        "partnerships.GovernanceBoard",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="working_groups",
    )
    actions = models.ManyToManyField(
        "strategy.Action", blank=True, related_name="working_groups", help_text="Overseen."
    )

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_working_group")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"/partnerships/{self.partnership_id}/working-groups/{self.pk}/"


class WorkingGroupPlace(models.Model):
    """One seat: from an organisation or a constituency, filled by a person or not yet."""

    partnership_path: ClassVar[str] = "group__partnership"

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="places")
    role = models.CharField(
        max_length=200, blank=True, help_text='e.g. "Chair", "Parent governor representative".'
    )
    organisation = models.ForeignKey(
        "partnerships.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="working_group_places",
    )
    person = models.ForeignKey(
        "partnerships.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="working_group_places",
    )
    confirmed = models.BooleanField(
        default=True, help_text="Untick while the person is named but not yet confirmed."
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.role or self.organisation or 'Member'}: {self.state_label}"

    @property
    def to_be_advised(self) -> bool:
        return self.person_id is None

    @property
    def state(self) -> str:
        """ "filled", "named" (a person named, not yet confirmed) or "tba" (to be advised)."""
        if self.person_id is None:
            return "tba"
        return "filled" if self.confirmed else "named"

    @property
    def state_label(self) -> str:
        if self.person is None:
            return "to be advised"
        return self.person.name if self.confirmed else f"{self.person.name} (not yet confirmed)"

    def clean(self) -> None:
        partnership_id = self.group.partnership_id
        for field in ("organisation", "person"):
            related = getattr(self, field)
            if related is not None and related.partnership_id != partnership_id:
                raise ValidationError({field: "Choose one from the group's own partnership."})
        if not (self.role or self.organisation_id):
            raise ValidationError("Say which organisation or constituency the place is for.")
