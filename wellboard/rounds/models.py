"""Update rounds: before each board meeting, every lead officer is asked for an update.

A `Round` belongs to one board meeting (the Health and Wellbeing Board itself when
`board` is blank, then covering the whole plan). It opens a set number of days before
the meeting and closes at the papers deadline. Each lead officer asked is a `RoundLead`
with the actions they were asked about and the nonce their personal link carries
(tokens.py). Every email is an `EmailRequest` row (email_models.py) with a unique key,
so a request is never lost and never sent twice.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from wellboard.base.models import TimestampedModel
from wellboard.partnerships.models import BoardMeeting, GovernanceBoard, Partnership, Person
from wellboard.rounds.schedule import RoundTimes, round_times
from wellboard.strategy.models import Action


class Round(TimestampedModel):
    class State(models.TextChoices):
        SCHEDULED = "scheduled", "Not open yet"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="update_rounds"
    )
    # The calendar's meeting; its date and deadline are copied below so that a round keeps
    # its record if the meeting is later deleted, and follow it while the round is planned.
    meeting = models.OneToOneField(
        BoardMeeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="update_round",
    )
    board = models.ForeignKey(
        GovernanceBoard,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="update_rounds",
        help_text="Blank for the Health and Wellbeing Board itself: the whole plan.",
    )
    meeting_date = models.DateField()
    papers_deadline = models.DateField()
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    reminder_days = models.JSONField(default=list, blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.SCHEDULED)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="update_rounds",
        help_text="The policy officer who gets the digests and the report.",
    )
    report_task = models.ForeignKey(
        "tasks.BackgroundTask",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["meeting_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "meeting_date"],
                condition=Q(board__isnull=True),
                name="one_hwb_round_per_meeting",
            ),
            models.UniqueConstraint(
                fields=["partnership", "board", "meeting_date"],
                condition=Q(board__isnull=False),
                name="one_board_round_per_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.board_name}, meeting {self.meeting_date:%-d %B %Y}"

    @property
    def board_name(self) -> str:
        return self.board.name if self.board else self.partnership.name

    @property
    def times(self) -> RoundTimes:
        """The round's own instants (it may have been opened early by hand) and the
        reminders that fall inside them, after it actually opened: a round opened late
        never reminds people minutes after asking them."""
        planned = round_times(
            self.meeting_date,
            self.papers_deadline,
            reminder_days=self.reminder_days,
        )
        start = max(self.opens_at, self.opened_at or self.opens_at)
        kept = tuple(r for r in planned.reminders if start < r.at < self.closes_at)
        return RoundTimes(self.opens_at, self.closes_at, kept)

    @property
    def opens_text(self) -> str:
        return f"{timezone.localtime(self.opens_at):%-d %B %Y at %H:%M}"

    def get_absolute_url(self) -> str:
        return f"/rounds/{self.pk}/"


class RoundLead(TimestampedModel):
    """A lead officer asked in a round, with the actions they were asked about."""

    partnership_path: ClassVar[str] = "round__partnership"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="leads")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="round_asks")
    email = models.EmailField(blank=True, help_text="The address asked, as it was then.")
    actions = models.ManyToManyField(Action, related_name="round_asks")
    # Part of the signed link: a new nonce makes every earlier link for this ask invalid.
    token_nonce = models.CharField(max_length=40)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["person__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="one_ask_per_lead_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.round}"


# Kept in its own module, imported here so that Django registers it with the app.
from wellboard.rounds.email_models import EmailRequest  # noqa: E402

__all__ = ["EmailRequest", "Round", "RoundLead"]
