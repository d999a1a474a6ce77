"""The board meeting calendar: when the Health and Wellbeing Board and its governance
boards meet, and when the papers for each meeting are due.

A meeting with no governance board is a meeting of the Health and Wellbeing Board itself
(the partnership), as in the reports' snapshots. Update rounds (issue #13) open before a
meeting and close at its papers deadline, so both dates live here, once.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from django.db import models
from django.db.models import Q
from django.utils import timezone

from wellboard.base.limits import limited_text
from wellboard.base.models import TimestampedModel
from wellboard.base.versioning import VersionedModel

if TYPE_CHECKING:
    from wellboard.partnerships.models import GovernanceBoard, Partnership

PAPERS_DAYS_BEFORE = 7  # papers are due a week before the meeting unless the board says


def default_papers_deadline(meeting_date: dt.date) -> dt.date:
    return meeting_date - dt.timedelta(days=PAPERS_DAYS_BEFORE)


def _today() -> dt.date:
    return timezone.localdate()


class BoardMeetingQuerySet(models.QuerySet["BoardMeeting"]):
    def upcoming(self, on: dt.date | None = None) -> BoardMeetingQuerySet:
        """Meetings on or after the day (today by default), soonest first."""
        return self.filter(date__gte=on or _today()).order_by("date", "id")

    def past(self, on: dt.date | None = None) -> BoardMeetingQuerySet:
        """Meetings before the day, latest first."""
        return self.filter(date__lt=on or _today()).order_by("-date", "-id")

    def of(self, board: GovernanceBoard | Partnership) -> BoardMeetingQuerySet:
        """One board's meetings; a partnership means the Health and Wellbeing Board itself."""
        from wellboard.partnerships.models import Partnership

        if isinstance(board, Partnership):
            return self.filter(partnership=board, board__isnull=True)
        return self.filter(board=board)

    def next_for(
        self, board: GovernanceBoard | Partnership, on: dt.date | None = None
    ) -> BoardMeeting | None:
        """The board's next meeting on or after the day, or None when none is planned."""
        return self.of(board).upcoming(on).first()

    def papers_due(self, on: dt.date | None = None) -> BoardMeetingQuerySet:
        """Upcoming meetings whose papers are not yet late: deadline on or after the day."""
        return self.upcoming(on).filter(papers_deadline__gte=on or _today())


class BoardMeeting(TimestampedModel, VersionedModel):
    partnership_path: ClassVar[str] = "partnership"

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="meetings"
    )
    board = models.ForeignKey(
        "partnerships.GovernanceBoard",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meetings",
        help_text="Leave blank for a meeting of the Health and Wellbeing Board itself.",
    )
    date = models.DateField()
    papers_deadline = models.DateField(
        blank=True, help_text="When reports for the meeting are due; a week before if blank."
    )
    location = models.CharField(max_length=200, blank=True)
    notes = limited_text(blank=True)

    objects = BoardMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(papers_deadline__lte=models.F("date")),
                name="papers_due_by_the_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.board_name}, {self.date:%-d %B %Y}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.papers_deadline is None:
            self.papers_deadline = default_papers_deadline(self.date)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def board_name(self) -> str:
        return self.board.name if self.board is not None else self.partnership.name

    @property
    def is_main_board(self) -> bool:
        return self.board_id is None
