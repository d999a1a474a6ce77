"""Matchers for academic years: "academic year 2013/14", "Sept 2013 (Academic year)"."""

from __future__ import annotations

from datetime import date

from wellboard.core.dates.model import Found, Period, Precision, found
from wellboard.core.dates.tokens import SEP, YEAR, month_and_year, month_re, regex
from wellboard.core.dates.years import PAIR, read_pair

_ACADEMIC = r"\bacademic\s+years?\b"
_ACADEMIC_PAIR = (
    regex(rf"{_ACADEMIC}\s*(?:of\s+)?(?<!\d){PAIR}"),
    regex(rf"(?<!\d){PAIR}\s*{_ACADEMIC}"),
)
_ACADEMIC_MONTH = regex(rf"{month_re('m')}(?P<sep>{SEP})(?P<y>{YEAR})\s*{_ACADEMIC}")


def _academic_year(first: int) -> Period:
    return Period(date(first, 9, 1), date(first + 1, 7, 31), Precision.ACADEMIC_YEAR)


def academic_pair(s: str) -> Found | None:
    """ "academic year 2013/14", "2013-14 academic year": consecutive years only."""
    for pattern in _ACADEMIC_PAIR:
        if not (m := pattern.search(s)):
            continue
        year = read_pair(m["y1"], "/", m["y2"], financial=True)
        ok = year and year.precision is Precision.FINANCIAL_YEAR and m["sep"] in ("/", "-")
        return found(_academic_year(year.start.year) if year and ok else None, m)
    return None


def academic_month(s: str) -> Found | None:
    """ "Sept 2013 (Academic year)": the academic year that month falls in."""
    if not (m := _ACADEMIC_MONTH.search(s)):
        return None
    read = month_and_year(m["m"], m["sep"], m["y"])
    if read is None:
        return None
    year, month = read
    return found(_academic_year(year if month >= 8 else year - 1), m)
