"""The round's instants from a meeting's dates: pure arithmetic, no database."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from wellboard.rounds.schedule import (
    LONDON,
    ScheduleError,
    parse_reminder_days,
    round_times,
)

MEETING = date(2026, 12, 10)


def test_defaults_open_21_days_before_and_close_at_the_end_of_the_deadline_day() -> None:
    times = round_times(MEETING)
    assert times.opens_at == datetime(2026, 11, 19, 9, 0, tzinfo=LONDON)
    # The papers deadline is 7 days before the meeting (3 December) and lasts all day.
    assert times.closes_at == datetime(2026, 12, 4, 0, 0, tzinfo=LONDON)
    assert [(r.days_before, r.at.date()) for r in times.reminders] == [
        (7, date(2026, 11, 26)),
        (2, date(2026, 12, 1)),
    ]


def test_a_recorded_deadline_and_own_intervals_are_used() -> None:
    times = round_times(MEETING, date(2026, 12, 1), open_days=14, reminder_days=[3, 1, 30])
    assert times.opens_at.date() == date(2026, 11, 26)
    assert times.closes_at == datetime(2026, 12, 2, 0, 0, tzinfo=LONDON)
    # 30 days before the deadline is before the round opens: dropped.
    assert [r.days_before for r in times.reminders] == [3, 1]


def test_only_the_latest_due_reminder_is_sent_and_none_outside_the_round() -> None:
    times = round_times(MEETING)
    assert times.latest_reminder_due(datetime(2026, 11, 26, 8, 59, tzinfo=LONDON)) is None
    due = times.latest_reminder_due(datetime(2026, 12, 2, 12, 0, tzinfo=LONDON))
    assert due is not None and due.days_before == 2
    assert times.latest_reminder_due(datetime(2026, 12, 4, 0, 0, tzinfo=LONDON)) is None


def test_british_summer_time_keeps_nine_in_the_morning() -> None:
    times = round_times(date(2026, 7, 9))
    assert times.opens_at.utcoffset() is not None
    assert times.opens_at.astimezone(LONDON).hour == 9
    assert times.opens_at.utcoffset().total_seconds() == 3600  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("deadline", "open_days", "message"),
    [
        (date(2026, 12, 10), 21, "before the meeting"),
        (date(2026, 12, 11), 21, "before the meeting"),
        (date(2026, 12, 9), 0, "at least one day"),
        (date(2026, 11, 1), 21, "close before it opens"),
    ],
)
def test_impossible_dates_are_refused(deadline: date, open_days: int, message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        round_times(MEETING, deadline, open_days=open_days)


def test_reminder_days_are_read_from_the_officers_wording() -> None:
    assert parse_reminder_days("2, 7,7") == [7, 2]
    with pytest.raises(ScheduleError):
        parse_reminder_days("a week")
    with pytest.raises(ScheduleError):
        parse_reminder_days("90")
