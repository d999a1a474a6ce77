"""The good practice library: projects partners can learn from, linked to the plan they serve.

Plans commit to "collating and sharing good practice"; a record here says what was done,
where, for whom and with what evidence, and which actions and priorities it supports, so
reports can show it beside them.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q

from wellboard.base.limits import limited_text
from wellboard.base.links import LinkField
from wellboard.base.models import TimestampedModel
from wellboard.base.scoping import PartnershipQuerySet
from wellboard.base.versioning import VersionedModel
from wellboard.partnerships.models import Organisation, Partnership
from wellboard.strategy.models import Action, Priority


def split_tags(text: str) -> list[str]:
    """Tags as typed, comma-separated: trimmed, lower-cased, each once, in order."""
    seen: dict[str, None] = {}
    for tag in text.split(","):
        if tag.strip():
            seen.setdefault(tag.strip().lower(), None)
    return list(seen)


class PracticeQuerySet(PartnershipQuerySet["GoodPractice"]):
    def search(self, query: str) -> PracticeQuerySet:
        """Every word must appear in one of the descriptive fields or the tags."""
        result = self
        for word in query.split():
            result = result.filter(
                Q(name__icontains=word)
                | Q(summary__icontains=word)
                | Q(place__icontains=word)
                | Q(population_group__icontains=word)
                | Q(evidence_of_impact__icontains=word)
                | Q(tags__icontains=word)
                | Q(organisation__name__icontains=word)
                | Q(organisation__acronym__iexact=word)
            )
        return result

    def tagged(self, tag: str) -> PracticeQuerySet:
        # Tags are stored ",a,b," so that one tag cannot match inside another.
        return self.filter(tags__icontains=f",{tag.strip().lower()},")


class GoodPractice(VersionedModel, TimestampedModel):
    partnership_path: ClassVar[str] = "partnership"
    public_path: ClassVar[str] = "published"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="good_practice"
    )
    name = models.CharField(max_length=300)
    summary = limited_text(blank=True)
    place = models.CharField(max_length=200, blank=True, help_text="Where it ran.")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="practice"
    )
    population_group = models.CharField(max_length=200, blank=True)
    evidence_of_impact = limited_text(blank=True)
    contact = models.CharField(max_length=300, blank=True)
    url = LinkField(blank=True)
    tags = models.CharField(max_length=500, blank=True)
    actions = models.ManyToManyField(Action, blank=True, related_name="good_practice")
    priorities = models.ManyToManyField(Priority, blank=True, related_name="good_practice")
    published = models.BooleanField(default=False, help_text="Shown to the public when ticked.")

    objects = PracticeQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "good practice example"
        verbose_name_plural = "good practice"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"/practice/{self.pk}/"

    @property
    def tag_list(self) -> list[str]:
        return split_tags(self.tags)

    def set_tags(self, text: str) -> None:
        tags = split_tags(text)
        self.tags = f",{','.join(tags)}," if tags else ""
