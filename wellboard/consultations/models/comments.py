"""Comments on one paragraph of the draft, shown beside it once a moderator publishes them
(as Consul's collaborative legislation and Decidim's participatory texts do)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from wellboard.base.limits import limited_text
from wellboard.base.models import TimestampedModel
from wellboard.base.versioning import VersionedModel
from wellboard.consultations.choices import Moderation
from wellboard.consultations.models.consultation import Consultation


class CommentQuerySet(models.QuerySet["ParagraphComment"]):
    def published(self) -> CommentQuerySet:
        return self.filter(moderation=Moderation.PUBLISHED)

    def awaiting_moderation(self) -> CommentQuerySet:
        return self.filter(moderation=Moderation.PENDING)


class ParagraphComment(VersionedModel, TimestampedModel):
    partnership_path: ClassVar[str] = "consultation__strategy__partnership"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="paragraph_comments"
    )
    # Which paragraph of the draft (wellboard.consultations.draft names them).
    paragraph_key = models.CharField(max_length=100)
    text = limited_text(2000)
    submitted_at = models.DateTimeField(default=timezone.now)
    moderation = models.CharField(
        max_length=10, choices=Moderation.choices, default=Moderation.PENDING
    )
    published_text = limited_text(
        2000, blank=True, help_text="What is shown, after names are removed."
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "id"]

    def __str__(self) -> str:
        return f"Comment on {self.paragraph_key}"
