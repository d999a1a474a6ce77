"""When an update round opens, reminds and closes, from its board meeting's dates.

Pure date arithmetic, so it is tested without a database. Instants are in the
partnership's local time (Europe/London): people are asked at 9 in the morning, and a
round stays open to the end of the papers deadline day, the moment the officer starts
writing the board paper.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
OPEN_DAYS = 21  # a round opens this many days before the meeting
DEADLINE_DAYS = 7  # and, without a papers deadline on record, closes this many days before
REMINDER_DAYS = (7, 2)  # reminders this many days before the deadline
SEND_AT = time(9, 0)


class ScheduleError(ValueError):
    """Dates that cannot make a round, worded for the officer."""


@dataclass(frozen=True)
class Reminder:
    days_before: int
    at: datetime


@dataclass(frozen=True)
class RoundTimes:
    opens_at: datetime
    closes_at: datetime
    reminders: tuple[Reminder, ...]

    def is_open(self, now: datetime) -> bool:
        return self.opens_at <= now < self.closes_at

    def latest_reminder_due(self, now: datetime) -> Reminder | None:
        """The reminder to send now: the last one whose time has come, if the round is open.

        After an outage only the latest is sent, never a burst of the missed ones.
        """
        if not self.is_open(now):
            return None
        due = [r for r in self.reminders if r.at <= now]
        return due[-1] if due else None


def local_instant(day: date, at: time = SEND_AT) -> datetime:
    return datetime.combine(day, at, tzinfo=LONDON)


def default_deadline(meeting: date) -> date:
    return meeting - timedelta(days=DEADLINE_DAYS)


def round_times(
    meeting: date,
    papers_deadline: date | None = None,
    *,
    open_days: int = OPEN_DAYS,
    reminder_days: Iterable[int] = REMINDER_DAYS,
) -> RoundTimes:
    """The instants of the round for a meeting; reminders outside the round are dropped."""
    deadline = papers_deadline or default_deadline(meeting)
    if deadline >= meeting:
        raise ScheduleError("the papers deadline must be before the meeting")
    if open_days < 1:
        raise ScheduleError("a round opens at least one day before the meeting")
    opens_at = local_instant(meeting - timedelta(days=open_days))
    closes_at = datetime.combine(deadline + timedelta(days=1), time(0, 0), tzinfo=LONDON)
    if opens_at >= closes_at:
        raise ScheduleError("the round would close before it opens: open it earlier")
    reminders = sorted(
        (
            Reminder(days, local_instant(deadline - timedelta(days=days)))
            for days in set(reminder_days)
            if days >= 0
        ),
        key=lambda r: r.at,
    )
    kept = tuple(r for r in reminders if opens_at < r.at < closes_at)
    return RoundTimes(opens_at, closes_at, kept)


def parse_reminder_days(text: str) -> list[int]:
    """ "7, 2" -> [7, 2]; the officer's setting and the command line's."""
    try:
        days = sorted(
            {int(part) for part in text.replace(" ", "").split(",") if part}, reverse=True
        )
    except ValueError:
        raise ScheduleError(f"reminder days {text!r}: use whole numbers like 7,2") from None
    if any(d < 0 or d > 60 for d in days):
        raise ScheduleError("reminder days are between 0 and 60")
    return days
