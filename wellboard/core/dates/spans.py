"""Matchers for stretches of a year: seasons, halves, and a start with a length.

"Spring 2014" is March to May (the meteorological seasons the Met Office uses; winter runs
from December into the next year's February); "Autumn term 2013" is the school term.
"H1 2015/16" is the first half of the financial year (April to September 2015), "H2 2015"
the second half of a calendar year.
"start January 2008 for one year" runs from that month to the same month a year on, since
boards write such a length to say when the work ends. All three are ranges: the wording
names no single month, quarter or year.
"""

from __future__ import annotations

from datetime import date

from wellboard.core.dates.model import Found, Period, Precision, found, month_end
from wellboard.core.dates.tokens import FY, MONTHS, YEAR4, month_re, regex
from wellboard.core.dates.years import read_pair

SEASONS = "spring|summer|autumn|fall|winter"
_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# School terms in England: autumn September-December, spring January-April, summer April-July.
_TERM_MONTHS = {"autumn": (9, 3), "spring": (1, 3), "summer": (4, 3)}
_SEASON = regex(
    rf"\b(?P<season>{SEASONS})\s*(?P<term>term\s*)?(?:of\s+)?"
    rf"(?P<sep>[-'/]\s*|\s*)(?<!\d)(?P<y>{YEAR4}|\d{{2}})(?:\s*/\s*(?P<y2>\d{{4}}|\d{{2}}))?(?!\d)"
)
_HALF = regex(
    r"(?:\bh(?P<h>[12])\b|\b(?P<which>first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+the)?)"
    rf"\s*(?P<fy>{FY})?\s*(?<!\d)(?P<y1>\d{{4}}|\d{{2}})"
    r"(?:\s*(?P<sep>[/-])\s*(?P<y2>\d{4}|\d{2}))?(?!\d)"
)
_NUMBERS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9,
    "twelve": 12, "eighteen": 18, "an": 1,
}  # fmt: skip
_LENGTH = regex(
    rf"{month_re('m')}\s*(?P<y>{YEAR4})\s*,?\s*(?:for|over)\s+(?:a\s+period\s+of\s+)?"
    rf"(?P<n>\d{{1,2}}|{'|'.join(_NUMBERS)})\s+(?P<unit>years?|months?)\b"
)


def _months_later(start: date, months: int) -> date:
    index = start.year * 12 + start.month - 1 + months
    return month_end(index // 12, index % 12 + 1)


def season(s: str) -> Found | None:
    """ "Spring 2014" (March-May), "Autumn 2013", "Winter 2014/15" (December-February)."""
    if not (m := _SEASON.search(s)):
        return None
    y = m["y"]
    if len(y) == 2 and not m["sep"].strip():
        return None  # "spring 14" could be a day; "Spring-14" and "Spring '14" are years
    year = 2000 + int(y) if len(y) == 2 else int(y)
    first, length = _SEASON_MONTHS[m["season"]], 2
    if m["term"]:
        if m["season"] not in _TERM_MONTHS:
            return None
        first, length = _TERM_MONTHS[m["season"]]
    if m["y2"] is not None:
        pair = read_pair(m["y"], "/", m["y2"], financial=True)
        if pair is None or pair.precision is not Precision.FINANCIAL_YEAR or first != 12:
            return None
        year = pair.start.year
    start = date(year, first, 1)
    return found(Period(start, _months_later(start, length), Precision.RANGE), m)


def half_year(s: str) -> Found | None:
    """ "H1 2015/16" (April-September 2015), "H2 2015" (July-December), "first half of 2014"."""
    if not (m := _HALF.search(s)):
        return None
    second = m["h"] == "2" or m["which"] in ("second", "2nd")
    if m["y2"] is not None:
        year = read_pair(m["y1"], "/", m["y2"], financial=True)
        if year is None or year.precision is not Precision.FINANCIAL_YEAR:
            return None
        start = date(year.start.year, 10 if second else 4, 1)
    elif m["fy"] or len(m["y1"]) == 2:
        return None
    else:
        start = date(int(m["y1"]), 7 if second else 1, 1)
    return found(Period(start, _months_later(start, 5), Precision.RANGE), m)


def start_and_length(s: str) -> Found | None:
    """ "start January 2008 for one year" runs to January 2009; "May 2013 for 6 months"."""
    if not (m := _LENGTH.search(s)):
        return None
    count = _NUMBERS.get(m["n"]) or int(m["n"])
    months = count * 12 if m["unit"].startswith("year") else count
    if not 1 <= months <= 120:
        return None
    start = date(int(m["y"]), MONTHS[m["m"].rstrip(".")], 1)
    return found(Period(start, _months_later(start, months), Precision.RANGE), m)
