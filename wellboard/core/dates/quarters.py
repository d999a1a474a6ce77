"""Matchers for quarters, financial ("Q3 2014/15") or calendar ("Q1 2014")."""

from __future__ import annotations

from datetime import date

from wellboard.core.dates.model import Found, Period, Precision, found, month_end
from wellboard.core.dates.tokens import FY, regex
from wellboard.core.dates.years import read_pair

_QUARTER_WORD = r"\b(?:q|quarter)\s*(?P<q>[1-4])\b"
_QUARTER_YEAR = r"(?P<y1>\d{4}|\d{2})(?:\s*(?P<sep>[/-])\s*(?P<y2>\d{4}|\d{2}))?(?!\d)"
_QUARTERS = (
    regex(rf"{_QUARTER_WORD}(?:\s+of)?(?:\s+the)?\s*(?P<fy>{FY})?\s*(?<!\d){_QUARTER_YEAR}"),
    regex(rf"(?P<fy>{FY})?\s*(?<!\d){_QUARTER_YEAR}\s*{_QUARTER_WORD}"),
)


def _quarter_period(q: int, y1: str, y2: str | None, financial: bool) -> Period | None:
    """Financial quarter of a financial year (Q1 = April-June), else calendar quarter."""
    if y2 is not None:
        year = read_pair(y1, "/", y2, financial=True)
        if year is None or year.precision is not Precision.FINANCIAL_YEAR:
            return None
        first_month = 4 + 3 * (q - 1)
        start_year = year.start.year + (first_month - 1) // 12
        start = date(start_year, (first_month - 1) % 12 + 1, 1)
    elif financial or len(y1) == 2 or not 1900 <= int(y1) <= 2099:
        return None
    else:
        start = date(int(y1), 3 * q - 2, 1)
    last = month_end(start.year, start.month + 2)
    return Period(start, last, Precision.QUARTER)


def quarter(s: str) -> Found | None:
    """ "Q3 2014/15" (financial), "Q1 2014" (calendar), "2014/15 Q4", "quarter 2 FY 14/15"."""
    for pattern in _QUARTERS:
        if m := pattern.search(s):
            return found(_quarter_period(int(m["q"]), m["y1"], m["y2"], bool(m["fy"])), m)
    return None
