"""Read the free-text due dates that Health and Wellbeing Boards write into a structured form.

Boards write deadlines as "Apr-14", "by May 2013", "2014/15", "Sept 2013 (Academic year)" or
"To be delivered between April to June 2013". The wording is kept as written; alongside it
`parse_due` gives the period meant (start, end = the deadline), how precise the wording is, and
whether the work is ongoing, recurring or still to be agreed.

Conventions, chosen so the result is never a date the wording does not support:

* Numeric dates are UK order, day/month/year ("31/03/2014", "31.3.14").
* Two-digit years pivot at 70: 00-69 are 2000-2069, 70-99 are 1970-1999. Four-digit years are
  read only from 1900 to 2099: other four-digit numbers are not taken for years.
* UK financial year: 1 April to 31 March (the government and NHS accounting year). "2014/15",
  "2014/2015", "FY 2014/15" and "financial year 2014-15" are the year 2014-04-01..2015-03-31.
  "2014-15" (hyphen, two-digit second year one after the first) is also a financial year,
  because boards write financial years that way ("the next financial year 2014-15").
  "2008/10" (slash, years apart) is a run of financial years, 2008-04-01..2010-03-31.
  "2007-10", "2008 - 2013", "2012 to 2015" and "2014-2015" are calendar-year ranges.
  Year pairs more than 30 years apart, or running backwards, are not read.
* Quarters follow their year: "Q3 2014/15" is financial (Q1 = April-June, so Q3 is
  October-December 2014); "Q1 2014" is calendar (January-March 2014).
* Academic year: 1 September to 31 July (the school year in England without the summer
  holiday). "Sept 2013 (Academic year)" and "academic year 2013/14" are 2013-09-01..2014-07-31;
  a month from August to December starts that year's academic year, January to July belongs to
  the one that started the September before.
* early / mid / late (also "start of", "beginning of", "middle of", "end of"): within a month the
  1st-10th, 11th-20th and 21st-last day; a longer period is cut into thirds, by whole months
  when its length in months divides by three ("End 2008" is September-December 2008), otherwise
  by days. The precision stays that of the period named. Day dates and ranges are not narrowed.
* "June or September 2008" and "March/April 2014": the later month, since it is the deadline.
* "from April 2013", "April 2013 onwards", "2008 and onwards": start set, no end, ongoing.
* A two-digit year after a space is read only after an abbreviated month name ("Mar 14",
  "Sept 13", "May 14"): after a full name, as in "March 31", the number is more likely a day.
  A hyphen, slash or apostrophe always marks a year ("June-14").

Honesty rule: once a matcher has read a period, the rest of the text must hold no other
date-like token (a digit, a month name, a quarter, "FY", "financial", "academic"). Otherwise the
wording is ambiguous ("31 Feb 2014", "Q5 2014", "phase 2 by March 2014") and nothing is read.
"""

from __future__ import annotations

import calendar
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

__all__ = ["DueDate", "Precision", "month_end", "parse_due", "parse_month_year"]


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


@dataclass(frozen=True)
class _Period:
    start: date
    end: date
    precision: Precision


@dataclass(frozen=True)
class _Found:
    """A period read from one stretch of the normalised text, s[begin:finish]."""

    period: _Period
    begin: int
    finish: int


_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_ABBREVIATED = frozenset({*(k for k in _MONTHS if len(k) == 3), "sept"})
_MONTH_WORDS = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR4 = r"(?:19|20)\d{2}"
_YEAR = r"(?:19|20)\d{2}|\d{2}"
_SEP = r"\s*[-/',]\s*|\s+"
_FY = r"(?:\bfinancial\s+years?\b|\bf/?y(?![a-z]))"
_NO_ORDINAL = r"(?!\d|st\b|nd\b|rd\b|th\b)"
_FLAGS = re.ASCII


def _month(name: str) -> str:
    """A month name or abbreviation, with an optional full stop ("Sept.")."""
    return rf"\b(?P<{name}>{_MONTH_WORDS})\b\.?"


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


def month_end(year: int, month: int) -> date:
    """The last day of a month: the deadline a month-only wording such as "Apr-14" names.

    Raises ValueError for a month outside 1-12 or a year outside date's range.
    """
    return date(year, month, calendar.monthrange(year, month)[1])


def _two_digit_year(yy: int) -> int:
    """Pivot at 70: 00-69 are 2000-2069, 70-99 are 1970-1999."""
    return 2000 + yy if yy < 70 else 1900 + yy


def _year(text: str) -> int:
    return _two_digit_year(int(text)) if len(text) == 2 else int(text)


def _month_span(year: int, month: int) -> _Period:
    return _Period(date(year, month, 1), month_end(year, month), Precision.MONTH)


def _month_and_year(month_word: str, sep: str, year_text: str) -> tuple[int, int] | None:
    """(year, month), refusing a two-digit year after a space and a full month name."""
    word = month_word.rstrip(".")
    if len(year_text) == 2 and not sep.strip() and word not in _ABBREVIATED:
        return None
    return _year(year_text), _MONTHS[word]


def _found(period: _Period | None, match: re.Match[str]) -> _Found | None:
    return None if period is None else _Found(period, match.start(), match.end())


def _day(year: int, month: int, day: int) -> _Period | None:
    """A single day; None for impossible dates such as 31 February."""
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    return _Period(when, when, Precision.DAY)


# Day dates ------------------------------------------------------------------------------------

_ISO_DAY = _re(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_NUMERIC_DAY = _re(
    rf"(?<![\d/.-])(?P<d>\d{{1,2}})(?P<sep>[/.-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>{_YEAR})(?!\d)"
)
_NAMED_DAY = _re(
    rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_month('m')},?\s+(?P<y>{_YEAR})(?!\d)"
)
_US_NAMED_DAY = _re(rf"{_month('m')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR4})(?!\d)")


def _iso_day(s: str) -> _Found | None:
    """ISO 8601 calendar dates: "2014-03-31"."""
    if not (m := _ISO_DAY.search(s)) or not 1900 <= int(m["y"]) <= 2099:
        return None
    return _found(_day(int(m["y"]), int(m["m"]), int(m["d"])), m)


def _numeric_day(s: str) -> _Found | None:
    """UK numeric dates, day first: "31/03/2014", "31.3.14", "31-03-2014"."""
    if not (m := _NUMERIC_DAY.search(s)):
        return None
    return _found(_day(_year(m["y"]), int(m["m"]), int(m["d"])), m)


def _named_day(s: str) -> _Found | None:
    """Day before month name: "31 March 2014", "31st of March 2014", "5 Mar 14"."""
    if not (m := _NAMED_DAY.search(s)):
        return None
    return _found(_day(_year(m["y"]), _MONTHS[m["m"]], int(m["d"])), m)


def _us_named_day(s: str) -> _Found | None:
    """Month name before day, four-digit year only: "March 31, 2014", "December 1st 2011"."""
    if not (m := _US_NAMED_DAY.search(s)):
        return None
    return _found(_day(int(m["y"]), _MONTHS[m["m"]], int(m["d"])), m)


# Year pairs: financial years, academic years, calendar ranges ---------------------------------

_PAIR = r"(?P<y1>\d{4}|\d{2})\s*(?P<sep>/|-|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*"
_PAIR += r"(?P<y2>\d{4}|\d{2})(?!\d)"
_MAX_SPAN = 30


def _second_year(first: int, text: str) -> int | None:
    """Expand the second year of a pair ("2007-10" -> 2010); None unless 1-30 years later."""
    second = int(text)
    if len(text) == 2:
        second += first - first % 100
        if second <= first:
            second += 100
    return second if 1 <= second - first <= _MAX_SPAN else None


def _read_pair(y1: str, sep: str, y2: str, financial: bool) -> _Period | None:
    """Decide between a financial year, a run of financial years and a calendar range."""
    if len(y1) == 2 and not financial:
        return None
    first = _year(y1)
    second = _second_year(first, y2)
    if second is None or not 1900 <= first <= 2099 or second > 2099:
        return None
    if financial or sep == "/" or (sep == "-" and len(y2) == 2 and second == first + 1):
        kind = Precision.FINANCIAL_YEAR if second == first + 1 else Precision.RANGE
        return _Period(date(first, 4, 1), date(second, 3, 31), kind)
    return _Period(date(first, 1, 1), date(second, 12, 31), Precision.RANGE)


_YEAR_PAIR = _re(rf"(?:(?P<fy>{_FY})\s*)?(?<!\d){_PAIR}(?:\s*(?P<fy2>{_FY}))?")


def _year_pair(s: str) -> _Found | None:
    """ "2014/15", "FY 2014/15", "2008/10", "2007-10", "2008 - 2013", "between 2012 and 2015"."""
    if not (m := _YEAR_PAIR.search(s)):
        return None
    financial = bool(m["fy"] or m["fy2"])
    return _found(_read_pair(m["y1"], m["sep"], m["y2"], financial), m)


_ACADEMIC = r"\bacademic\s+years?\b"
_ACADEMIC_PAIR = (
    _re(rf"{_ACADEMIC}\s*(?:of\s+)?(?<!\d){_PAIR}"),
    _re(rf"(?<!\d){_PAIR}\s*{_ACADEMIC}"),
)
_ACADEMIC_MONTH = _re(rf"{_month('m')}(?P<sep>{_SEP})(?P<y>{_YEAR})\s*{_ACADEMIC}")


def _academic_year(first: int) -> _Period:
    return _Period(date(first, 9, 1), date(first + 1, 7, 31), Precision.ACADEMIC_YEAR)


def _academic_pair(s: str) -> _Found | None:
    """ "academic year 2013/14", "2013-14 academic year": consecutive years only."""
    for pattern in _ACADEMIC_PAIR:
        if not (m := pattern.search(s)):
            continue
        year = _read_pair(m["y1"], "/", m["y2"], financial=True)
        ok = year and year.precision is Precision.FINANCIAL_YEAR and m["sep"] in ("/", "-")
        return _found(_academic_year(year.start.year) if year and ok else None, m)
    return None


def _academic_month(s: str) -> _Found | None:
    """ "Sept 2013 (Academic year)": the academic year that month falls in."""
    if not (m := _ACADEMIC_MONTH.search(s)):
        return None
    read = _month_and_year(m["m"], m["sep"], m["y"])
    if read is None:
        return None
    year, month = read
    return _found(_academic_year(year if month >= 8 else year - 1), m)


# Quarters -------------------------------------------------------------------------------------

_QUARTER_WORD = r"\b(?:q|quarter)\s*(?P<q>[1-4])\b"
_QUARTER_YEAR = r"(?P<y1>\d{4}|\d{2})(?:\s*(?P<sep>[/-])\s*(?P<y2>\d{4}|\d{2}))?(?!\d)"
_QUARTERS = (
    _re(rf"{_QUARTER_WORD}(?:\s+of)?(?:\s+the)?\s*(?P<fy>{_FY})?\s*(?<!\d){_QUARTER_YEAR}"),
    _re(rf"(?P<fy>{_FY})?\s*(?<!\d){_QUARTER_YEAR}\s*{_QUARTER_WORD}"),
)


def _quarter_period(q: int, y1: str, y2: str | None, financial: bool) -> _Period | None:
    """Financial quarter of a financial year (Q1 = April-June), else calendar quarter."""
    if y2 is not None:
        year = _read_pair(y1, "/", y2, financial=True)
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
    return _Period(start, last, Precision.QUARTER)


def _quarter(s: str) -> _Found | None:
    """ "Q3 2014/15" (financial), "Q1 2014" (calendar), "2014/15 Q4", "quarter 2 FY 14/15"."""
    for pattern in _QUARTERS:
        if m := pattern.search(s):
            return _found(_quarter_period(int(m["q"]), m["y1"], m["y2"], bool(m["fy"])), m)
    return None


# Months ---------------------------------------------------------------------------------------

_MONTH_RANGE = _re(
    rf"(?:\bbetween\s+|\bfrom\s+)?{_month('m1')}(?:\s+(?P<y1>{_YEAR4}))?"
    rf"\s*(?:-|\bto\b|\band\b|\buntil\b|\btill\b|\bthrough\b)\s*"
    rf"{_month('m2')}(?P<sep>{_SEP})(?P<y2>{_YEAR}){_NO_ORDINAL}"
)
_MONTH_CHOICE = _re(
    rf"{_month('m1')}\s*(?:\bor\b|/|&)\s*{_month('m2')}(?P<sep>{_SEP})(?P<y>{_YEAR}){_NO_ORDINAL}"
)
_MONTH_YEAR = _re(rf"{_month('m')}(?P<sep>{_SEP})(?P<y>{_YEAR}){_NO_ORDINAL}")
_NUMERIC_MONTH_YEAR = _re(rf"(?<![\d/.])(?P<m>0?[1-9]|1[0-2])/(?P<y>{_YEAR4})(?![\d/])")


def _month_range(s: str) -> _Found | None:
    """ "between April and June 2013", "April - June 2013", "November 2013 to March 2014"."""
    m = _MONTH_RANGE.search(s)
    last = _month_and_year(m["m2"], m["sep"], m["y2"]) if m else None
    if m is None or last is None:
        return None
    end_year, end_month = last
    first_month = _MONTHS[m["m1"].rstrip(".")]
    # Without a year of its own the first month is the latest one not after the second.
    start_year = int(m["y1"]) if m["y1"] else end_year - (first_month > end_month)
    start, end = date(start_year, first_month, 1), month_end(end_year, end_month)
    return _found(_Period(start, end, Precision.RANGE) if start < end else None, m)


def _month_choice(s: str) -> _Found | None:
    """ "June or September 2008", "March/April 2014": the later month is the deadline."""
    m = _MONTH_CHOICE.search(s)
    read = _month_and_year(m["m2"], m["sep"], m["y"]) if m else None
    if m is None or read is None:
        return None
    year, second = read
    later = max(_MONTHS[m["m1"].rstrip(".")], second)
    return _found(_month_span(year, later), m)


def _month_year(s: str) -> _Found | None:
    """ "Apr-14", "Sept 2013", "Mar 14", "by May 2013", "03/2014"."""
    if m := _MONTH_YEAR.search(s):
        read = _month_and_year(m["m"], m["sep"], m["y"])
        return _found(_month_span(*read) if read else None, m)
    if m := _NUMERIC_MONTH_YEAR.search(s):
        return _found(_month_span(int(m["y"]), int(m["m"])), m)
    return None


_YEAR_ALONE = _re(rf"(?<!\d)(?P<y>{_YEAR4})(?!\d)")


def _calendar_year(s: str) -> _Found | None:
    """A bare four-digit year: "2013", "by 2015", "End 2008"."""
    if not (m := _YEAR_ALONE.search(s)):
        return None
    year = int(m["y"])
    return _found(_Period(date(year, 1, 1), date(year, 12, 31), Precision.YEAR), m)


# Most specific first: a later matcher may read only part of what an earlier one reads whole.
_MATCHERS: tuple[Callable[[str], _Found | None], ...] = (
    _iso_day,
    _numeric_day,
    _named_day,
    _us_named_day,
    _academic_month,
    _academic_pair,
    _quarter,
    _month_range,
    _month_choice,
    _year_pair,
    _month_year,
    _calendar_year,
)

# Anything date-like left over makes the wording ambiguous. Not ASCII-only: any digit counts.
_DATEISH = re.compile(
    rf"\d|\b(?:{_MONTH_WORDS}|fy|financial|academic|quarter|q[1-4])\b", re.IGNORECASE
)


def _read_period(s: str) -> _Found | None:
    """The first matcher whose reading leaves nothing date-like unexplained."""
    for matcher in _MATCHERS:
        found = matcher(s)
        if found and not _DATEISH.search(s[: found.begin] + " " + s[found.finish :]):
            return found
    return None


# Qualifiers, open ends and flags --------------------------------------------------------------

_QUALIFIER = _re(
    r"\b(?:(?P<early>early|(?:beginning|start)\s+of)|(?P<mid>mid|middle\s+of)|"
    r"(?P<late>late|end(?:\s+of)?))(?:\s+(?:the|this|next))*[\s-]*$"
)
_OPEN_BEFORE = _re(
    r"\b(?:from|since|starting|commencing)\b"
    r"(?:\s+(?:in|the|early|mid|middle|late|end|beginning|start|of))*[\s-]*$"
)
_OPEN_AFTER = _re(r"^[\s,-]*(?:and\s+)?(?:onwards?|beyond|thereafter)\b")
_ONGOING = _re(r"\b(?:on[\s-]*going|continuous(?:ly)?|continuing|throughout|onwards?|rolling)\b")
_TO_BE_AGREED = _re(
    r"\b(?:tbc|tba|tbd|to\s+be\s+(?:agreed|confirmed|determined|decided|advised|arranged)"
    r"|not\s+yet\s+agreed)\b"
)
_RECURRING = (
    ("six-monthly", _re(r"\b(?:six[\s-]*monthly|every\s+six\s+months|bi-?annual(?:ly)?"
                        r"|half[\s-]*yearly|twice\s+(?:a\s+)?year(?:ly)?)\b")),
    ("annually", _re(r"\b(?:annual(?:ly)?|every\s+year|each\s+year|yearly|per\s+annum)\b")),
    ("quarterly", _re(r"\b(?:quarterly|every\s+quarter|each\s+quarter)\b")),
    ("monthly", _re(r"\b(?:monthly|every\s+month|each\s+month)\b")),
)  # fmt: skip


def _split_in_thirds(period: _Period, third: int) -> _Period:
    """The early (0), mid (1) or late (2) third of a period; see the module docstring."""
    start, end = period.start, period.end
    if (start.year, start.month) == (end.year, end.month):
        first_day = (1, 11, 21)[third]
        last_day = (10, 20, end.day)[third]
        return _Period(start.replace(day=first_day), start.replace(day=last_day), period.precision)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months % 3 == 0:
        step = months // 3
        first = start.month - 1 + third * step
        last = first + step - 1
        begin = date(start.year + first // 12, first % 12 + 1, 1)
        return _Period(begin, month_end(start.year + last // 12, last % 12 + 1), period.precision)
    days = (end - start).days + 1
    begin = start + timedelta(days=days * third // 3)
    finish = start + timedelta(days=days * (third + 1) // 3 - 1)
    return _Period(begin, finish, period.precision)


def _qualified(period: _Period, before: str) -> _Period:
    """Narrow by "early", "mid" or "late"/"end of" just before the date; see the docstring."""
    m = _QUALIFIER.search(before)
    if not m or period.precision in (Precision.DAY, Precision.RANGE):
        return period
    third = 0 if m["early"] else 1 if m["mid"] else 2
    return _split_in_thirds(period, third)


def _is_open(s: str, found: _Found) -> bool:
    """ "from April 2013", "2008 and onwards": a start with no deadline."""
    if found.period.precision is Precision.RANGE:
        return False
    before, after = s[: found.begin], s[found.finish :]
    return bool(_OPEN_BEFORE.search(before) or _OPEN_AFTER.search(after))


def _recurrence(s: str) -> str:
    return next((name for name, pattern in _RECURRING if pattern.search(s)), "")


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
    recurring = _recurrence(s)
    to_be_agreed = bool(_TO_BE_AGREED.search(s))
    ongoing = bool(recurring or _ONGOING.search(s))
    found = _read_period(s)
    if found is None:
        return DueDate(text, None, None, Precision.NONE, ongoing, to_be_agreed, recurring)
    period = _qualified(found.period, s[: found.begin])
    if _is_open(s, found):
        return DueDate(text, period.start, None, period.precision, True, to_be_agreed, recurring)
    return DueDate(
        text, period.start, period.end, period.precision, ongoing, to_be_agreed, recurring
    )


def parse_month_year(text: str) -> tuple[date, date] | None:
    """First and last day of a month written on its own: "October 2014", "Oct 14", "Sep-14".

    The whole text (bar surrounding spaces and punctuation such as ":" or "-") must be the
    month and year, so that a progress note's heading is told apart from a date in its prose.
    Two-digit years follow parse_due: "Oct 14" is October 2014, "October 14" is not read.
    """
    s = _normalise(text).strip(" :;,.-")
    m = _MONTH_YEAR.fullmatch(s)
    read = _month_and_year(m["m"], m["sep"], m["y"]) if m else None
    if read is None:
        return None
    period = _month_span(*read)
    return period.start, period.end
