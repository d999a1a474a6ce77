"""A partnership (a Health and Wellbeing Board) and the reference data it owns.

The partnership is the tenant: every plan object is reached through one, and nothing
of one partnership is ever shown to the users of another.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify

from wellboard.base.archive import ArchivableModel, ArchivableQuerySet
from wellboard.base.limits import limited_text
from wellboard.base.links import LinkField
from wellboard.base.models import TimestampedModel
from wellboard.base.versioning import VersionedModel
from wellboard.core.limits import GLOSSARY_TERM
from wellboard.core.open_data import DEFAULT_LICENCE, LICENCES


class Partnership(TimestampedModel):
    class Kind(models.TextChoices):
        HWB = "hwb", "Health and Wellbeing Board"
        REGIONAL = "regional", "Regional partnership"
        LOCALITY = "locality", "Locality board"

    partnership_path: ClassVar[str] = ""  # the partnership itself

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.HWB)
    area = models.CharField(max_length=200, blank=True)
    # Off until the board decides: the public pages then name no lead member, officer or
    # contact (members always see names). Set on the partnership's publishing page.
    publish_names = models.BooleanField(
        default=False,
        verbose_name="Show people's names on the public pages",
        help_text="Lead members, lead officers and good practice contacts. Members of the "
        "partnership always see names.",
    )
    open_data_licence = models.CharField(
        max_length=20,
        choices=[(key, licence.name) for key, licence in LICENCES.items()],
        default=DEFAULT_LICENCE,
        # Also the column's default, so that code written before the column (an older
        # migration's model, a test of one) still adds partnerships.
        db_default=DEFAULT_LICENCE,
        verbose_name="Licence of the open data",
        help_text="The files on the open data page are published under it.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.slug:
            self.slug = slugify(self.name)[:200] or "partnership"
        new = self.pk is None
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        if new:
            from wellboard.partnerships.role_types import create_defaults

            create_defaults(self.pk)


class ReferenceQuerySet(ArchivableQuerySet[Any]):
    """A partnership's reference records; ``active()`` leaves out the archived ones."""


class GovernanceBoard(ArchivableModel, VersionedModel, TimestampedModel):
    """A board or sub-group that oversees delivery, e.g. "Staying Healthy" or "CYPC Board"."""

    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="boards")
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=50, blank=True)
    description = limited_text(blank=True)

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_board_name")
        ]

    def __str__(self) -> str:
        return self.short_name or self.name


class Organisation(ArchivableModel, VersionedModel, TimestampedModel):
    class Kind(models.TextChoices):
        NHS = "nhs", "NHS"
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        PUBLIC_HEALTH = "public_health", "Public health"
        VCS = "vcs", "Voluntary and community sector"
        POLICE = "police", "Police"
        EDUCATION = "education", "Education"
        HOUSING = "housing", "Housing"
        BUSINESS = "business", "Business"
        REGIONAL = "regional", "Regional body"
        OTHER = "other", "Other"

    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="organisations"
    )
    name = models.CharField(max_length=200)
    acronym = models.CharField(max_length=30, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    website = LinkField(blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The body this one is part of, e.g. a council's public health team.",
    )

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_organisation_name")
        ]

    def clean(self) -> None:
        if self.parent_id is None:
            return
        if self.parent is None or self.parent.partnership_id != self.partnership_id:
            raise ValidationError({"parent": "The parent must be in the same partnership."})
        ancestor: Organisation | None = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": "An organisation cannot be its own ancestor."})
            ancestor = ancestor.parent

    def __str__(self) -> str:
        return self.acronym or self.name

    @property
    def label(self) -> str:
        """How plans refer to the organisation: by acronym where it has one."""
        return self.acronym or self.name

    @property
    def full_label(self) -> str:
        """The full name with the acronym beside it, for lists and filters."""
        if self.acronym and self.acronym != self.name:
            return f"{self.name} ({self.acronym})"
        return self.name


class Person(ArchivableModel, VersionedModel, TimestampedModel):
    """A member of the partnership: board member, lead officer or partner representative."""

    class BoardRole(models.TextChoices):
        NONE = "", "None"
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        LEAD_MEMBER = "lead_member", "Lead member"
        OFFICER = "officer", "Officer"
        PARTNER_REP = "partner_rep", "Partner representative"
        ADVISOR = "advisor", "Advisor"

    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    board_role = models.CharField(max_length=20, choices=BoardRole.choices, blank=True)
    email = models.EmailField(blank=True)
    boards = models.ManyToManyField(
        GovernanceBoard, blank=True, related_name="members", help_text="Boards they sit on."
    )

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_person_name")
        ]

    def __str__(self) -> str:
        return self.name


class GlossaryTerm(VersionedModel, TimestampedModel):
    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="glossary")
    term = models.CharField(max_length=GLOSSARY_TERM)
    meaning = models.CharField(max_length=300)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "term"], name="unique_glossary_term")
        ]

    def __str__(self) -> str:
        return f"{self.term}: {self.meaning}"


class OtherStrategy(VersionedModel, TimestampedModel):
    """A strategy outside the board's own (housing strategy, children's plan, ...)."""

    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="other_strategies"
    )
    title = models.CharField(max_length=300)
    owner = models.CharField(max_length=200, blank=True)
    url = LinkField(blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "other strategies"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "title"], name="unique_other_strategy")
        ]

    def __str__(self) -> str:
        return self.title


# Working groups and duplicate decisions live in their own modules; importing them here
# registers them with the app and lets callers import every partnership model from here.
from wellboard.partnerships.deciding_bodies import DecidingBody  # noqa: E402
from wellboard.partnerships.duplicate_models import (  # noqa: E402
    ActionMerge,
    IntendedPair,
)
from wellboard.partnerships.meetings import BoardMeeting  # noqa: E402
from wellboard.partnerships.role_types import RoleType  # noqa: E402
from wellboard.partnerships.working_groups import WorkingGroup, WorkingGroupPlace  # noqa: E402

__all__ = [
    "ActionMerge",
    "BoardMeeting",
    "DecidingBody",
    "GlossaryTerm",
    "GovernanceBoard",
    "IntendedPair",
    "Organisation",
    "OtherStrategy",
    "Partnership",
    "Person",
    "RoleType",
    "WorkingGroup",
    "WorkingGroupPlace",
]
