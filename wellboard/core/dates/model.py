"""The due date given back, and the periods the matchers read on the way to it."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Precision(StrEnum):
    """How much of the calendar the wording names."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    FINANCIAL_YEAR = "financial_year"
    ACADEMIC_YEAR = "academic_year"
    RANGE = "range"
    NONE = "none"


@dataclass(frozen=True)
class DueDate:
    """A due date as written, with the period it names (end is the deadline)."""

    text: str
    start: date | None
    end: date | None
    precision: Precision
    ongoing: bool = False
    to_be_agreed: bool = False
    recurring: str = ""
    # Where a cell names several dates: each earlier one as written, with its deadline.
    earlier: tuple[tuple[str, date], ...] = ()


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    precision: Precision


@dataclass(frozen=True)
class Found:
    """A period read from one stretch of the normalised text, s[begin:finish]."""

    period: Period
    begin: int
    finish: int


def month_end(year: int, month: int) -> date:
    """The last day of a month: the deadline a month-only wording such as "Apr-14" names.

    Raises ValueError for a month outside 1-12 or a year outside date's range.
    """
    return date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, month: int) -> Period:
    return Period(date(year, month, 1), month_end(year, month), Precision.MONTH)


def found(period: Period | None, match: re.Match[str]) -> Found | None:
    return None if period is None else Found(period, match.start(), match.end())


def day_period(year: int, month: int, day: int) -> Period | None:
    """A single day; None for impossible dates such as 31 February."""
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    return Period(when, when, Precision.DAY)
