"""Role types: the partnership's own words for its part in an action, with a colour each.

The regional plan's five (advocacy purple, scrutiny green, direct action blue, capacity
building red, monitoring grey) are every new partnership's default set; an administrator
renames, recolours, reorders and adds to them, or switches to another preset such as
drive / sponsor / observe. `key` is the stable name the plan exchange format uses.

Colours come from a fixed palette so that every marker has a CSS class and enough
contrast; a marker is always drawn as a diamond with the name beside it, never as a
coloured dot alone, so it cannot be mistaken for a RAG status.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from django.db import models, transaction
from django.utils.text import slugify

from wellboard.base.models import TimestampedModel
from wellboard.base.versioning import VersionedModel


class Colour(models.TextChoices):
    PURPLE = "purple", "Purple"
    GREEN = "green", "Green"
    BLUE = "blue", "Blue"
    RED = "red", "Red"
    GREY = "grey", "Grey"
    ORANGE = "orange", "Orange"
    PINK = "pink", "Pink"
    AQUA = "aqua", "Aqua green"
    DARK_BLUE = "dark-blue", "Dark blue"
    BROWN = "brown", "Brown"


# NHS identity colours; the same values are in web/scss/_components.scss.
COLOUR_HEX = {
    Colour.PURPLE: "#330072",
    Colour.GREEN: "#007f3b",
    Colour.BLUE: "#005eb8",
    Colour.RED: "#d5281b",
    Colour.GREY: "#768692",
    Colour.ORANGE: "#ed8b00",
    Colour.PINK: "#ae2573",
    Colour.AQUA: "#00a499",
    Colour.DARK_BLUE: "#003087",
    Colour.BROWN: "#7c2855",
}


@dataclass(frozen=True)
class RoleTypeSpec:
    key: str
    name: str
    colour: str
    description: str


REGIONAL_PLAN = [
    RoleTypeSpec("advocacy", "Advocacy", Colour.PURPLE, "The partnership argues for change."),
    RoleTypeSpec(
        "scrutiny", "Scrutiny and monitoring", Colour.GREEN, "The partnership holds to account."
    ),
    RoleTypeSpec("direct", "Direct action", Colour.BLUE, "The partnership does it itself."),
    RoleTypeSpec(
        "capacity", "Capacity building", Colour.RED, "The partnership helps others to do it."
    ),
    RoleTypeSpec(
        "partner_monitoring",
        "Monitoring action led by partners",
        Colour.GREY,
        "A partner leads; the partnership keeps watch.",
    ),
]
DRIVE_SPONSOR_OBSERVE = [
    RoleTypeSpec("drive", "Drive", Colour.DARK_BLUE, "The board leads the work."),
    RoleTypeSpec("sponsor", "Sponsor", Colour.AQUA, "The board backs work others lead."),
    RoleTypeSpec("observe", "Observe", Colour.GREY, "The board is kept informed."),
]
PRESETS = {
    "regional": ("The regional plan's five role types", REGIONAL_PLAN),
    "drive-sponsor-observe": ("Drive, sponsor, observe", DRIVE_SPONSOR_OBSERVE),
}
DEFAULT_PRESET = "regional"


class RoleType(TimestampedModel, VersionedModel):
    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="role_types"
    )
    key = models.SlugField(
        max_length=50, help_text="The name plans use for it in the exchange format."
    )
    name = models.CharField(max_length=100)
    colour = models.CharField(max_length=20, choices=Colour.choices, default=Colour.GREY)
    description = models.CharField(max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "key"], name="unique_role_type_key"),
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_role_type_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def hex(self) -> str:
        return COLOUR_HEX.get(Colour(self.colour), COLOUR_HEX[Colour.GREY])

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.key:
            self.key = self._free_key(slugify(self.name)[:45] or "role")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def _free_key(self, base: str) -> str:
        """The slug of the name, numbered when another type of the partnership has it."""
        taken = set(
            RoleType.objects.filter(partnership_id=self.partnership_id, key__startswith=base)
            .exclude(pk=self.pk)
            .values_list("key", flat=True)
        )
        return next(
            k
            for n in range(1, len(taken) + 2)
            if (k := base if n == 1 else f"{base}-{n}") not in taken
        )


def create_defaults(partnership_id: int) -> None:
    """Give a new partnership the regional plan's five role types."""
    add_preset(partnership_id, DEFAULT_PRESET)


@transaction.atomic
def add_preset(partnership_id: int, preset: str) -> list[RoleType]:
    """Add the preset's role types the partnership lacks (matched by key); returns them."""
    existing = set(
        RoleType.objects.filter(partnership_id=partnership_id).values_list("key", flat=True)
    )
    start = RoleType.objects.filter(partnership_id=partnership_id).count()
    made = [
        RoleType(
            partnership_id=partnership_id,
            key=spec.key,
            name=spec.name,
            colour=spec.colour,
            description=spec.description,
            position=start + i,
        )
        for i, spec in enumerate(s for s in PRESETS[preset][1] if s.key not in existing)
    ]
    return RoleType.objects.bulk_create(made)


@transaction.atomic
def switch_to_preset(partnership_id: int, preset: str) -> list[RoleType]:
    """Use the preset's set: add its types and remove the others no action uses.

    Types still given to actions stay (returned), so no action loses its role type; the
    administrator reassigns those actions and removes the type afterwards.
    """
    keys = {spec.key for spec in PRESETS[preset][1]}
    others = RoleType.objects.filter(partnership_id=partnership_id).exclude(key__in=keys)
    kept = list(others.filter(actions__isnull=False).distinct())
    others.exclude(pk__in=[t.pk for t in kept]).delete()
    add_preset(partnership_id, preset)
    specs = PRESETS[preset][1]
    for position, spec in enumerate(specs):
        RoleType.objects.filter(partnership_id=partnership_id, key=spec.key).update(
            position=position
        )
    for position, role_type in enumerate(kept, start=len(specs)):
        RoleType.objects.filter(pk=role_type.pk).update(position=position)
    return kept


def resolve(partnership_id: int, value: str) -> RoleType | None:
    """The partnership's role type named by a plan document (its key or its name).

    An unknown non-empty value becomes a new grey role type, so a plan written with
    another partnership's words loads and the administrator can recolour it later.
    """
    value = value.strip()
    if not value:
        return None
    types = RoleType.objects.filter(partnership_id=partnership_id)
    written_as_key = value == value.lower() and " " not in value
    name = value.replace("_", " ").replace("-", " ").capitalize() if written_as_key else value
    found = (
        types.filter(key=value).first()
        or types.filter(name__iexact=value).first()
        or types.filter(name__iexact=name).first()
    )
    if found is None:
        found = RoleType(partnership_id=partnership_id, name=name[:100], position=types.count())
        found.key = found._free_key(slugify(value)[:45] or "role")
        found.save()
    return found
