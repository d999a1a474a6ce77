"""API tokens: a secret an integration sends as ``Authorization: Bearer <token>``.

Only a SHA-256 digest of the secret is stored, beside a short public prefix to find the
row by. The secret itself is 256 random bits, so a fast digest is enough: nothing about
it can be guessed, unlike a password (which is why passwords get Argon2 and these don't).
A token is one partnership's, acts for the user it belongs to (whose role there limits
it), reads only unless made for writing, and is revoked rather than deleted, so that
the list shows who had access and when.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from wellboard.base.models import TimestampedModel


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def live(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True)


class ApiToken(TimestampedModel):
    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="api_tokens"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text="The token acts as this user, with their role in the partnership.",
    )
    name = models.CharField(max_length=200, help_text="What the token is for, e.g. Power BI.")
    prefix = models.CharField(max_length=16, unique=True, editable=False)
    digest = models.CharField(max_length=64, editable=False)
    can_write = models.BooleanField(
        default=False, help_text="Add updates and actions and edit actions, as the user may."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


class RequestCount(models.Model):
    """Requests of one caller (a keyed hash of its token, user or address) in one window of
    the API's rate, in the database so every server process adds to the same count
    (throttling.py; base/counters.py does the counting)."""

    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="one_api_count_per_window")
        ]

    def __str__(self) -> str:
        return f"{self.count} from {self.key[:8]} since {self.window_start}"
