"""Matchers for months: a month and year, a choice of months, a range of months."""

from __future__ import annotations

from datetime import date

from wellboard.core.dates.model import Found, Period, Precision, found, month_end, month_span
from wellboard.core.dates.tokens import (
    MONTHS,
    NO_ORDINAL,
    SEP,
    YEAR,
    YEAR4,
    month_and_year,
    month_re,
    regex,
)

_MONTH_RANGE = regex(
    rf"(?:\bbetween\s+|\bfrom\s+)?{month_re('m1')}(?:\s+(?P<y1>{YEAR4}))?"
    rf"\s*(?:-|\bto\b|\band\b|\buntil\b|\btill\b|\bthrough\b)\s*"
    rf"{month_re('m2')}(?P<sep>{SEP})(?P<y2>{YEAR}){NO_ORDINAL}"
)
_MONTH_CHOICE = regex(
    rf"{month_re('m1')}\s*(?:\bor\b|/|&)\s*{month_re('m2')}(?P<sep>{SEP})(?P<y>{YEAR}){NO_ORDINAL}"
)
MONTH_YEAR = regex(rf"{month_re('m')}(?P<sep>{SEP})(?P<y>{YEAR}){NO_ORDINAL}")
_NUMERIC_MONTH_YEAR = regex(rf"(?<![\d/.])(?P<m>0?[1-9]|1[0-2])/(?P<y>{YEAR4})(?![\d/])")


def month_range(s: str) -> Found | None:
    """ "between April and June 2013", "April - June 2013", "November 2013 to March 2014"."""
    m = _MONTH_RANGE.search(s)
    last = month_and_year(m["m2"], m["sep"], m["y2"]) if m else None
    if m is None or last is None:
        return None
    end_year, end_month = last
    first_month = MONTHS[m["m1"].rstrip(".")]
    # Without a year of its own the first month is the latest one not after the second.
    start_year = int(m["y1"]) if m["y1"] else end_year - (first_month > end_month)
    start, end = date(start_year, first_month, 1), month_end(end_year, end_month)
    return found(Period(start, end, Precision.RANGE) if start < end else None, m)


def month_choice(s: str) -> Found | None:
    """ "June or September 2008", "March/April 2014": the later month is the deadline."""
    m = _MONTH_CHOICE.search(s)
    read = month_and_year(m["m2"], m["sep"], m["y"]) if m else None
    if m is None or read is None:
        return None
    year, second = read
    later = max(MONTHS[m["m1"].rstrip(".")], second)
    return found(month_span(year, later), m)


def month_year(s: str) -> Found | None:
    """ "Apr-14", "Sept 2013", "Mar 14", "by May 2013", "03/2014"."""
    if m := MONTH_YEAR.search(s):
        read = month_and_year(m["m"], m["sep"], m["y"])
        return found(month_span(*read) if read else None, m)
    if m := _NUMERIC_MONTH_YEAR.search(s):
        return found(month_span(int(m["y"]), int(m["m"])), m)
    return None
