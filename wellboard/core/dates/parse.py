"""Trying the matchers in order, and the two public readers built on them."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date
from itertools import pairwise

from wellboard.core.dates.academic import academic_month, academic_pair
from wellboard.core.dates.days import iso_day, named_day, numeric_day, us_named_day
from wellboard.core.dates.flags import ONGOING, TO_BE_AGREED, is_open, qualified, recurrence
from wellboard.core.dates.model import DueDate, Found, Precision, month_span
from wellboard.core.dates.months import MONTH_YEAR, month_choice, month_range, month_year
from wellboard.core.dates.quarters import quarter
from wellboard.core.dates.spans import SEASONS, half_year, season, start_and_length
from wellboard.core.dates.tokens import MONTH_WORDS, month_and_year
from wellboard.core.dates.years import calendar_year, year_pair

# Most specific first: a later matcher may read only part of what an earlier one reads whole.
_MATCHERS: tuple[Callable[[str], Found | None], ...] = (
    iso_day,
    numeric_day,
    named_day,
    us_named_day,
    start_and_length,
    academic_month,
    academic_pair,
    quarter,
    half_year,
    season,
    month_range,
    month_choice,
    year_pair,
    month_year,
    calendar_year,
)

# Anything date-like left over makes the wording ambiguous. Not ASCII-only: any digit counts.
_DATEISH = re.compile(
    rf"\d|\b(?:{MONTH_WORDS}|fy|financial|academic|quarter|q[1-4]|h[12]|{SEASONS})\b",
    re.IGNORECASE,
)


def _read_period(s: str) -> Found | None:
    """The first matcher whose reading leaves nothing date-like unexplained."""
    for matcher in _MATCHERS:
        found = matcher(s)
        if found and not _DATEISH.search(s[: found.begin] + " " + s[found.finish :]):
            return found
    return None


_MAX_DATES = 4
# Between two dates only a list separator: "-", "/" or "to" would make them one range.
_GAP = re.compile(r"[\s,;&+]*(?:(?:and|then)\b)?[\s,;&+]*")


def _read_several(s: str) -> list[Found]:
    """Two or more dates in one cell ("Mar-14 and Sep-14"), earliest deadline first.

    Each is read by the first matcher that finds one, then blanked out; what is left must
    hold nothing date-like, and only list separators may stand between the dates.
    """
    rest = s
    several: list[Found] = []
    while len(several) < _MAX_DATES:
        found = next((f for matcher in _MATCHERS if (f := matcher(rest))), None)
        if found is None:
            break
        several.append(found)
        rest = rest[: found.begin] + " " * (found.finish - found.begin) + rest[found.finish :]
    if len(several) < 2 or _DATEISH.search(rest):
        return []
    in_order = sorted(several, key=lambda f: f.begin)
    for before, after in pairwise(in_order):
        if not _GAP.fullmatch(s[before.finish : after.begin]):
            return []
    return sorted(several, key=lambda f: (f.period.end, f.period.start))


_TAG = re.compile(r"<[^<>]{0,200}>")
_PUNCTUATION = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\u2018\u2019\u02bc\u00b4`", "'"),
        **dict.fromkeys("()[]{}", " "),
    }
)


def _normalise(text: str) -> str:
    """Lower case, HTML tags and entities gone, dashes and quotes plain, single spaces."""
    plain = _TAG.sub(" ", html.unescape(text)).translate(_PUNCTUATION)
    return " ".join(plain.lower().split())


def parse_due(text: str) -> DueDate:
    """Read a board's free-text due date; never raises, and reads nothing it cannot be sure of."""
    s = _normalise(text)
    recurring = recurrence(s)
    to_be_agreed = bool(TO_BE_AGREED.search(s))
    ongoing = bool(recurring or ONGOING.search(s))
    found = _read_period(s)
    if found is None:
        return _several_or_none(text, s, ongoing, to_be_agreed, recurring)
    period = qualified(found.period, s[: found.begin])
    if is_open(s, found):
        return DueDate(text, period.start, None, period.precision, True, to_be_agreed, recurring)
    return DueDate(
        text, period.start, period.end, period.precision, ongoing, to_be_agreed, recurring
    )


def _several_or_none(
    text: str, s: str, ongoing: bool, to_be_agreed: bool, recurring: str
) -> DueDate:
    """Several dates: due at the latest, from the first start, with the earlier ones kept."""
    several = _read_several(s)
    if not several:
        return DueDate(text, None, None, Precision.NONE, ongoing, to_be_agreed, recurring)
    *earlier, last = several
    start = min(f.period.start for f in several)
    kept = tuple((s[f.begin : f.finish].strip(), f.period.end) for f in earlier)
    return DueDate(
        text, start, last.period.end, Precision.RANGE, ongoing, to_be_agreed, recurring, kept
    )


def parse_month_year(text: str) -> tuple[date, date] | None:
    """First and last day of a month written on its own: "October 2014", "Oct 14", "Sep-14".

    The whole text (bar surrounding spaces and punctuation such as ":" or "-") must be the
    month and year, so that a progress note's heading is told apart from a date in its prose.
    Two-digit years follow parse_due: "Oct 14" is October 2014, "October 14" is not read.
    """
    s = _normalise(text).strip(" :;,.-")
    m = MONTH_YEAR.fullmatch(s)
    read = month_and_year(m["m"], m["sep"], m["y"]) if m else None
    if read is None:
        return None
    period = month_span(*read)
    return period.start, period.end
