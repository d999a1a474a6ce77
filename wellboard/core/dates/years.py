"""Matchers for year pairs (financial years, runs of them, calendar ranges) and bare years."""

from __future__ import annotations

from datetime import date

from wellboard.core.dates.model import Found, Period, Precision, found
from wellboard.core.dates.tokens import FY, YEAR4, read_year, regex

PAIR = r"(?P<y1>\d{4}|\d{2})\s*(?P<sep>/|-|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*"
PAIR += r"(?P<y2>\d{4}|\d{2})(?!\d)"
_MAX_SPAN = 30


def _second_year(first: int, text: str) -> int | None:
    """Expand the second year of a pair ("2007-10" -> 2010); None unless 1-30 years later."""
    second = int(text)
    if len(text) == 2:
        second += first - first % 100
        if second <= first:
            second += 100
    return second if 1 <= second - first <= _MAX_SPAN else None


def read_pair(y1: str, sep: str, y2: str, financial: bool) -> Period | None:
    """Decide between a financial year, a run of financial years and a calendar range."""
    if len(y1) == 2 and not financial:
        return None
    first = read_year(y1)
    second = _second_year(first, y2)
    if second is None or not 1900 <= first <= 2099 or second > 2099:
        return None
    if financial or sep == "/" or (sep == "-" and len(y2) == 2 and second == first + 1):
        kind = Precision.FINANCIAL_YEAR if second == first + 1 else Precision.RANGE
        return Period(date(first, 4, 1), date(second, 3, 31), kind)
    return Period(date(first, 1, 1), date(second, 12, 31), Precision.RANGE)


_YEAR_PAIR = regex(rf"(?:(?P<fy>{FY})\s*)?(?<!\d){PAIR}(?:\s*(?P<fy2>{FY}))?")


def year_pair(s: str) -> Found | None:
    """ "2014/15", "FY 2014/15", "2008/10", "2007-10", "2008 - 2013", "between 2012 and 2015"."""
    if not (m := _YEAR_PAIR.search(s)):
        return None
    financial = bool(m["fy"] or m["fy2"])
    return found(read_pair(m["y1"], m["sep"], m["y2"], financial), m)


_YEAR_ALONE = regex(rf"(?<!\d)(?P<y>{YEAR4})(?!\d)")


def calendar_year(s: str) -> Found | None:
    """A bare four-digit year: "2013", "by 2015", "End 2008"."""
    if not (m := _YEAR_ALONE.search(s)):
        return None
    year = int(m["y"])
    return found(Period(date(year, 1, 1), date(year, 12, 31), Precision.YEAR), m)
