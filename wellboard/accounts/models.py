"""Who may do what, in which partnership."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from wellboard.base.models import TimestampedModel
from wellboard.base.versioning import VersionedModel


class Membership(TimestampedModel, VersionedModel):
    """A user's role in one partnership. A user may belong to several partnerships.

    A deactivated membership gives no rights at all (permissions.memberships reads only
    active ones) but is kept, so the history of who did what still names its user.
    """

    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", "Administrator (HWB policy officer)"
        LEAD_OFFICER = "lead_officer", "Lead officer"
        BOARD_MEMBER = "board_member", "Board member"

    partnership_path: ClassVar[str] = "partnership"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    # By name: partnerships sit in the layer above accounts (ARCHITECTURE.md).
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    person = models.ForeignKey(
        "partnerships.Person",
        null=True,
        blank=True,
        # PROTECT: deleting the person must not silently take a lead officer's rights.
        on_delete=models.PROTECT,
        help_text="The partnership member this account belongs to, for lead officers.",
    )
    active = models.BooleanField(default=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "partnership"], name="one_role_per_partnership")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.partnership}"
