"""What surrounds a date: early/mid/late, open ends, ongoing, to be agreed, recurring."""

from __future__ import annotations

from datetime import date, timedelta

from wellboard.core.dates.model import Found, Period, Precision, month_end
from wellboard.core.dates.tokens import regex

_QUALIFIER = regex(
    r"\b(?:(?P<early>early|(?:beginning|start)\s+of)|(?P<mid>mid|middle\s+of)|"
    r"(?P<late>late|end(?:\s+of)?))(?:\s+(?:the|this|next))*[\s-]*$"
)
_OPEN_BEFORE = regex(
    r"\b(?:from|since|starting|commencing)\b"
    r"(?:\s+(?:in|the|early|mid|middle|late|end|beginning|start|of))*[\s-]*$"
)
_OPEN_AFTER = regex(r"^[\s,-]*(?:and\s+)?(?:onwards?|beyond|thereafter)\b")
ONGOING = regex(r"\b(?:on[\s-]*going|continuous(?:ly)?|continuing|throughout|onwards?|rolling)\b")
TO_BE_AGREED = regex(
    r"\b(?:tbc|tba|tbd|to\s+be\s+(?:agreed|confirmed|determined|decided|advised|arranged)"
    r"|not\s+yet\s+agreed)\b"
)
_RECURRING = (
    ("six-monthly", regex(r"\b(?:six[\s-]*monthly|every\s+six\s+months|bi-?annual(?:ly)?"
                          r"|half[\s-]*yearly|twice\s+(?:a\s+)?year(?:ly)?)\b")),
    ("annually", regex(r"\b(?:annual(?:ly)?|every\s+year|each\s+year|yearly|per\s+annum)\b")),
    ("quarterly", regex(r"\b(?:quarterly|every\s+quarter|each\s+quarter)\b")),
    ("monthly", regex(r"\b(?:monthly|every\s+month|each\s+month)\b")),
)  # fmt: skip


def _split_in_thirds(period: Period, third: int) -> Period:
    """The early (0), mid (1) or late (2) third of a period; see the package docstring."""
    start, end = period.start, period.end
    if (start.year, start.month) == (end.year, end.month):
        first_day = (1, 11, 21)[third]
        last_day = (10, 20, end.day)[third]
        return Period(start.replace(day=first_day), start.replace(day=last_day), period.precision)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months % 3 == 0:
        step = months // 3
        first = start.month - 1 + third * step
        last = first + step - 1
        begin = date(start.year + first // 12, first % 12 + 1, 1)
        return Period(begin, month_end(start.year + last // 12, last % 12 + 1), period.precision)
    days = (end - start).days + 1
    begin = start + timedelta(days=days * third // 3)
    finish = start + timedelta(days=days * (third + 1) // 3 - 1)
    return Period(begin, finish, period.precision)


def qualified(period: Period, before: str) -> Period:
    """Narrow by "early", "mid" or "late"/"end of" just before the date; see the docstring."""
    m = _QUALIFIER.search(before)
    if not m or period.precision in (Precision.DAY, Precision.RANGE):
        return period
    third = 0 if m["early"] else 1 if m["mid"] else 2
    return _split_in_thirds(period, third)


def is_open(s: str, found: Found) -> bool:
    """ "from April 2013", "2008 and onwards": a start with no deadline."""
    if found.period.precision is Precision.RANGE:
        return False
    before, after = s[: found.begin], s[found.finish :]
    return bool(_OPEN_BEFORE.search(before) or _OPEN_AFTER.search(after))


def recurrence(s: str) -> str:
    return next((name for name, pattern in _RECURRING if pattern.search(s)), "")
