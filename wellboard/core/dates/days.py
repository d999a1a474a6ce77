"""Matchers for day dates: ISO, UK numeric, and with a month name."""

from __future__ import annotations

from wellboard.core.dates.model import Found, day_period, found
from wellboard.core.dates.tokens import MONTHS, YEAR, YEAR4, month_re, read_year, regex

_ISO_DAY = regex(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_NUMERIC_DAY = regex(
    rf"(?<![\d/.-])(?P<d>\d{{1,2}})(?P<sep>[/.-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>{YEAR})(?!\d)"
)
_NAMED_DAY = regex(
    rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month_re('m')},?\s+(?P<y>{YEAR})(?!\d)"
)
_US_NAMED_DAY = regex(
    rf"{month_re('m')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{YEAR4})(?!\d)"
)


def iso_day(s: str) -> Found | None:
    """ISO 8601 calendar dates: "2014-03-31"."""
    if not (m := _ISO_DAY.search(s)) or not 1900 <= int(m["y"]) <= 2099:
        return None
    return found(day_period(int(m["y"]), int(m["m"]), int(m["d"])), m)


def numeric_day(s: str) -> Found | None:
    """UK numeric dates, day first: "31/03/2014", "31.3.14", "31-03-2014"."""
    if not (m := _NUMERIC_DAY.search(s)):
        return None
    return found(day_period(read_year(m["y"]), int(m["m"]), int(m["d"])), m)


def named_day(s: str) -> Found | None:
    """Day before month name: "31 March 2014", "31st of March 2014", "5 Mar 14"."""
    if not (m := _NAMED_DAY.search(s)):
        return None
    return found(day_period(read_year(m["y"]), MONTHS[m["m"]], int(m["d"])), m)


def us_named_day(s: str) -> Found | None:
    """Month name before day, four-digit year only: "March 31, 2014", "December 1st 2011"."""
    if not (m := _US_NAMED_DAY.search(s)):
        return None
    return found(day_period(int(m["y"]), MONTHS[m["m"]], int(m["d"])), m)
