"""Every email Wellboard sends for a round, as a row written before it is sent.

The unique `key` names the request ("round 4, lead 12, reminder 7 days before"), so
creating it twice is impossible; `state` moves pending -> queued -> sending -> sent
(or back to pending for a retry, or to failed / refused), each step a conditional
UPDATE, so two workers or a repeated tick can never both send it.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from wellboard.base.limits import limited_text
from wellboard.base.models import TimestampedModel
from wellboard.core.limits import GENERATED_TEXT

MAX_ATTEMPTS = 3


class EmailRequest(TimestampedModel):
    class Kind(models.TextChoices):
        REQUEST = "request", "Request for updates"
        REMINDER = "reminder", "Reminder"
        NUDGE = "nudge", "Nudge"
        DIGEST = "digest", "Digest for the officer"
        CLOSED = "closed", "Round closed, for the officer"

    class State(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Could not be sent"
        REFUSED = "refused", "Address refused"

    partnership_path: ClassVar[str] = "round__partnership"

    key = models.CharField(max_length=200, unique=True)
    round = models.ForeignKey("rounds.Round", on_delete=models.CASCADE, related_name="emails")
    lead = models.ForeignKey(
        "rounds.RoundLead",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="emails",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    to = models.EmailField()
    subject = models.CharField(max_length=200)
    body = limited_text(GENERATED_TEXT)
    state = models.CharField(
        max_length=20, choices=State.choices, default=State.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.to} ({self.get_state_display()})"

    @property
    def undelivered(self) -> bool:
        return self.state in (self.State.FAILED, self.State.REFUSED)
