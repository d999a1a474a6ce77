"""Tests for the UK due-date parser: a table of wordings, then properties over generated text."""

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wellboard.core.dates import DueDate, Precision, month_end, parse_due, parse_month_year

D = date.fromisoformat
P = Precision

# (wording, start, end, precision, ongoing, to_be_agreed)
TABLE: list[tuple[str, date | None, date | None, Precision, bool, bool]] = [
    # Day dates, UK order for numeric forms.
    ("31 March 2014", D("2014-03-31"), D("2014-03-31"), P.DAY, False, False),
    ("31/03/2014", D("2014-03-31"), D("2014-03-31"), P.DAY, False, False),
    ("31.3.14", D("2014-03-31"), D("2014-03-31"), P.DAY, False, False),
    ("2014-03-31", D("2014-03-31"), D("2014-03-31"), P.DAY, False, False),
    ("31st March 2014", D("2014-03-31"), D("2014-03-31"), P.DAY, False, False),
    ("March 31, 2014", D("2014-03-31"), D("2014-03-31"), P.DAY, False, False),
    ("01/04/2014", D("2014-04-01"), D("2014-04-01"), P.DAY, False, False),
    ("5 Mar 14", D("2014-03-05"), D("2014-03-05"), P.DAY, False, False),
    ("29 February 2016", D("2016-02-29"), D("2016-02-29"), P.DAY, False, False),
    # Month and year.
    ("Apr-14", D("2014-04-01"), D("2014-04-30"), P.MONTH, False, False),
    ("Sep-13", D("2013-09-01"), D("2013-09-30"), P.MONTH, False, False),
    ("Sept 2013", D("2013-09-01"), D("2013-09-30"), P.MONTH, False, False),
    ("Sept. 2013", D("2013-09-01"), D("2013-09-30"), P.MONTH, False, False),
    ("September 2013", D("2013-09-01"), D("2013-09-30"), P.MONTH, False, False),
    ("Mar 14", D("2014-03-01"), D("2014-03-31"), P.MONTH, False, False),
    ("Feb-16", D("2016-02-01"), D("2016-02-29"), P.MONTH, False, False),
    ("June '14", D("2014-06-01"), D("2014-06-30"), P.MONTH, False, False),
    ("03/2014", D("2014-03-01"), D("2014-03-31"), P.MONTH, False, False),
    ("by May 2013", D("2013-05-01"), D("2013-05-31"), P.MONTH, False, False),
    ("To be in place by May 2013", D("2013-05-01"), D("2013-05-31"), P.MONTH, False, False),
    ("To be developed by June 2013", D("2013-06-01"), D("2013-06-30"), P.MONTH, False, False),
    # early 1st-10th, mid 11th-20th, late/end 21st-last day.
    ("Early July 2014", D("2014-07-01"), D("2014-07-10"), P.MONTH, False, False),
    ("mid-March 2014", D("2014-03-11"), D("2014-03-20"), P.MONTH, False, False),
    ("late February 2015", D("2015-02-21"), D("2015-02-28"), P.MONTH, False, False),
    ("By end of May 2013", D("2013-05-21"), D("2013-05-31"), P.MONTH, False, False),
    ("by the end of March 2014", D("2014-03-21"), D("2014-03-31"), P.MONTH, False, False),
    # Years; "end" of a year is its last four months.
    ("2013", D("2013-01-01"), D("2013-12-31"), P.YEAR, False, False),
    ("by 2015", D("2015-01-01"), D("2015-12-31"), P.YEAR, False, False),
    ("End 2008", D("2008-09-01"), D("2008-12-31"), P.YEAR, False, False),
    ("end of 2008", D("2008-09-01"), D("2008-12-31"), P.YEAR, False, False),
    ("early 2015", D("2015-01-01"), D("2015-04-30"), P.YEAR, False, False),
    # Calendar-year ranges.
    ("2007-10", D("2007-01-01"), D("2010-12-31"), P.RANGE, False, False),
    ("2008 - 2013", D("2008-01-01"), D("2013-12-31"), P.RANGE, False, False),
    ("2008-2013", D("2008-01-01"), D("2013-12-31"), P.RANGE, False, False),
    ("2012 to 2015", D("2012-01-01"), D("2015-12-31"), P.RANGE, False, False),
    ("2014-2015", D("2014-01-01"), D("2015-12-31"), P.RANGE, False, False),
    ("between 2012 and 2015", D("2012-01-01"), D("2015-12-31"), P.RANGE, False, False),
    # Financial years and runs of them.
    ("2014/15", D("2014-04-01"), D("2015-03-31"), P.FINANCIAL_YEAR, False, False),
    ("2014-15", D("2014-04-01"), D("2015-03-31"), P.FINANCIAL_YEAR, False, False),
    ("2014/2015", D("2014-04-01"), D("2015-03-31"), P.FINANCIAL_YEAR, False, False),
    ("1999/00", D("1999-04-01"), D("2000-03-31"), P.FINANCIAL_YEAR, False, False),
    ("FY 2014/15", D("2014-04-01"), D("2015-03-31"), P.FINANCIAL_YEAR, False, False),
    ("FY14/15", D("2014-04-01"), D("2015-03-31"), P.FINANCIAL_YEAR, False, False),
    ("financial year 2014-15", D("2014-04-01"), D("2015-03-31"), P.FINANCIAL_YEAR, False, False),
    ("financial year 2014-2015", D("2014-04-01"), D("2015-03-31"), P.FINANCIAL_YEAR, False, False),
    ("2008/10", D("2008-04-01"), D("2010-03-31"), P.RANGE, False, False),
    (
        "by the beginning of the next financial year 2014-15",
        D("2014-04-01"),
        D("2014-07-31"),
        P.FINANCIAL_YEAR,
        False,
        False,
    ),
    # Quarters: financial with a financial year, calendar with a calendar year.
    ("Q3 2014/15", D("2014-10-01"), D("2014-12-31"), P.QUARTER, False, False),
    ("Q4 2014/15", D("2015-01-01"), D("2015-03-31"), P.QUARTER, False, False),
    ("Q1 2014-15", D("2014-04-01"), D("2014-06-30"), P.QUARTER, False, False),
    ("Quarter 2 FY 14/15", D("2014-07-01"), D("2014-09-30"), P.QUARTER, False, False),
    ("2014/15 Q4", D("2015-01-01"), D("2015-03-31"), P.QUARTER, False, False),
    ("Q1 2014", D("2014-01-01"), D("2014-03-31"), P.QUARTER, False, False),
    ("Q4 2013", D("2013-10-01"), D("2013-12-31"), P.QUARTER, False, False),
    ("end of Q3 2014/15", D("2014-12-01"), D("2014-12-31"), P.QUARTER, False, False),
    # Academic years, 1 September to 31 July.
    ("Sept 2013 (Academic year)", D("2013-09-01"), D("2014-07-31"), P.ACADEMIC_YEAR, False, False),
    ("academic year 2013/14", D("2013-09-01"), D("2014-07-31"), P.ACADEMIC_YEAR, False, False),
    ("2013-14 academic year", D("2013-09-01"), D("2014-07-31"), P.ACADEMIC_YEAR, False, False),
    ("March 2014 (academic year)", D("2013-09-01"), D("2014-07-31"), P.ACADEMIC_YEAR, False, False),
    # Between forms.
    (
        "To be delivered between April to June 2013",
        D("2013-04-01"),
        D("2013-06-30"),
        P.RANGE,
        False,
        False,
    ),
    ("between April and June 2013", D("2013-04-01"), D("2013-06-30"), P.RANGE, False, False),
    ("April - June 2013", D("2013-04-01"), D("2013-06-30"), P.RANGE, False, False),
    ("April \u2013 June 2013", D("2013-04-01"), D("2013-06-30"), P.RANGE, False, False),
    ("Apr to Jun 2013", D("2013-04-01"), D("2013-06-30"), P.RANGE, False, False),
    ("November to February 2014", D("2013-11-01"), D("2014-02-28"), P.RANGE, False, False),
    ("March 2013 - March 2014", D("2013-03-01"), D("2014-03-31"), P.RANGE, False, False),
    # Alternatives: the later month is the deadline.
    ("June or September 2008", D("2008-09-01"), D("2008-09-30"), P.MONTH, False, False),
    ("March/April 2014", D("2014-04-01"), D("2014-04-30"), P.MONTH, False, False),
    # Open-ended.
    ("2008 and onwards", D("2008-01-01"), None, P.YEAR, True, False),
    ("April 2013 onwards", D("2013-04-01"), None, P.MONTH, True, False),
    ("from 2013", D("2013-01-01"), None, P.YEAR, True, False),
    ("Ongoing from April 2013", D("2013-04-01"), None, P.MONTH, True, False),
    ("from 1 April 2014", D("2014-04-01"), None, P.DAY, True, False),
    # Ongoing, with and without a review date.
    ("On going", None, None, P.NONE, True, False),
    ("Ongoing", None, None, P.NONE, True, False),
    ("on-going", None, None, P.NONE, True, False),
    ("Continuous", None, None, P.NONE, True, False),
    ("Throughout", None, None, P.NONE, True, False),
    ("Ongoing - review March 2014", D("2014-03-01"), D("2014-03-31"), P.MONTH, True, False),
    # Recurring.
    ("Annually", None, None, P.NONE, True, False),
    ("Every year", None, None, P.NONE, True, False),
    ("Quarterly", None, None, P.NONE, True, False),
    ("Monthly", None, None, P.NONE, True, False),
    # To be agreed.
    ("Date to be agreed", None, None, P.NONE, False, True),
    ("TBC", None, None, P.NONE, False, True),
    ("TBA", None, None, P.NONE, False, True),
    ("To be confirmed", None, None, P.NONE, False, True),
    ("To be agreed", None, None, P.NONE, False, True),
    ("March 2014 (TBC)", D("2014-03-01"), D("2014-03-31"), P.MONTH, False, True),
    # Noise: case, spaces, non-breaking spaces, dashes, HTML.
    ("  APR-14  ", D("2014-04-01"), D("2014-04-30"), P.MONTH, False, False),
    ("by\u00a0May\u00a02013", D("2013-05-01"), D("2013-05-31"), P.MONTH, False, False),
    ("Apr\u201414", D("2014-04-01"), D("2014-04-30"), P.MONTH, False, False),
    ("2014\u201315", D("2014-04-01"), D("2015-03-31"), P.FINANCIAL_YEAR, False, False),
    ("<p>Sep-13</p>", D("2013-09-01"), D("2013-09-30"), P.MONTH, False, False),
    ("Deadline:\n\t31 March 2014.", D("2014-03-31"), D("2014-03-31"), P.DAY, False, False),
    # Empty, nonsense and ambiguous wordings read nothing.
    ("", None, None, P.NONE, False, False),
    ("   \u00a0 ", None, None, P.NONE, False, False),
    ("banana", None, None, P.NONE, False, False),
    ("31 Feb 2014", None, None, P.NONE, False, False),
    ("13/13/2013", None, None, P.NONE, False, False),
    ("Q5 2014", None, None, P.NONE, False, False),
    ("March 31", None, None, P.NONE, False, False),
    ("October 14", None, None, P.NONE, False, False),
    ("September", None, None, P.NONE, False, False),
    ("2014-03", None, None, P.NONE, False, False),
    ("2015-2014", None, None, P.NONE, False, False),
    ("FY 2014", None, None, P.NONE, False, False),
    ("phase 2 by March 2014", None, None, P.NONE, False, False),
    ("March 2014 or 2015", None, None, P.NONE, False, False),
    ("3014", None, None, P.NONE, False, False),
]


@pytest.mark.parametrize(("text", "start", "end", "precision", "ongoing", "agreed"), TABLE)
def test_wording(
    text: str,
    start: date | None,
    end: date | None,
    precision: Precision,
    ongoing: bool,
    agreed: bool,
) -> None:
    due = parse_due(text)
    assert (due.start, due.end, due.precision) == (start, end, precision)
    assert (due.ongoing, due.to_be_agreed) == (ongoing, agreed)
    assert due.text == text


def test_table_covers_at_least_sixty_wordings() -> None:
    assert len({row[0] for row in TABLE}) >= 60


@pytest.mark.parametrize(
    ("text", "recurring"),
    [
        ("Annually", "annually"),
        ("Every year", "annually"),
        ("Quarterly", "quarterly"),
        ("Monthly", "monthly"),
        ("Six-monthly", "six-monthly"),
        ("Annually from April 2013", "annually"),
        ("31 March 2014", ""),
        ("Ongoing", ""),
    ],
)
def test_recurring(text: str, recurring: str) -> None:
    assert parse_due(text).recurring == recurring


def test_recurring_with_a_start() -> None:
    due = parse_due("Quarterly from April 2013")
    assert (due.recurring, due.ongoing, due.start, due.end) == (
        "quarterly",
        True,
        D("2013-04-01"),
        None,
    )


def test_due_date_is_frozen() -> None:
    due = parse_due("Apr-14")
    with pytest.raises(AttributeError):
        due.text = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("year", "month", "last"),
    [(2014, 2, 28), (2016, 2, 29), (2000, 2, 29), (1900, 2, 28), (2014, 4, 30), (2014, 12, 31)],
)
def test_month_end(year: int, month: int, last: int) -> None:
    assert month_end(year, month) == date(year, month, last)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("October 2014", (D("2014-10-01"), D("2014-10-31"))),
        ("Oct 14", (D("2014-10-01"), D("2014-10-31"))),
        ("Sep-14", (D("2014-09-01"), D("2014-09-30"))),
        ("Sept 2013", (D("2013-09-01"), D("2013-09-30"))),
        ("  February 2016: ", (D("2016-02-01"), D("2016-02-29"))),
        ("October 14", None),
        ("By October 2014 the service will be live", None),
        ("31 October 2014", None),
        ("banana", None),
        ("", None),
    ],
)
def test_parse_month_year(text: str, expected: tuple[date, date] | None) -> None:
    assert parse_month_year(text) == expected


# Properties -----------------------------------------------------------------------------------

# Fragments boards use, so generated text reaches the matchers rather than only failing early.
FRAGMENTS = [
    "Q3", "Q5", "2014", "2014/15", "14", "13", "-", "/", "\u2013", "to", "or", "and", "between",
    "from", "onwards", "end of", "early", "mid", "late", "March", "Sept", "Feb", "31", "29",
    "FY", "financial year", "academic year", "(", ")", "ongoing", "TBC", "annually", "1.4.",
    "0", "99", "2099", "1900", "<p>", ".", ",", "st",
]  # fmt: skip
board_like = st.lists(st.sampled_from(FRAGMENTS), max_size=8).map(" ".join)
dates_1900_2099 = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


def check_invariants(text: str, due: DueDate) -> None:
    assert due.text == text
    if due.start is not None and due.end is not None:
        assert due.start <= due.end
    if due.precision is Precision.NONE:
        assert due.start is None and due.end is None
    else:
        assert due.start is not None
    if due.end is None and due.start is not None:
        assert due.ongoing


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    check_invariants(text, parse_due(text))


@given(board_like)
def test_never_raises_on_board_like_text(text: str) -> None:
    check_invariants(text, parse_due(text))


@given(st.text())
def test_parse_month_year_never_raises(text: str) -> None:
    result = parse_month_year(text)
    if result is not None:
        first, last = result
        assert first.day == 1 and last == month_end(first.year, first.month)


@given(dates_1900_2099, st.sampled_from(["%d %B %Y", "%d/%m/%Y", "%Y-%m-%d", "%d %b %Y"]))
def test_day_dates_round_trip(day: date, form: str) -> None:
    due = parse_due(day.strftime(form))
    assert (due.start, due.end, due.precision) == (day, day, Precision.DAY)


@given(st.integers(1990, 2060), st.integers(1, 12))
def test_abbreviated_month_and_two_digit_year(year: int, month: int) -> None:
    due = parse_due(f"{calendar.month_abbr[month]}-{year % 100:02d}")
    last_day = calendar.monthrange(year, month)[1]
    assert due.end == date(year, month, last_day)
    assert due.start == date(year, month, 1)
    assert due.precision is Precision.MONTH


@given(st.integers(1900, 2098))
def test_slash_pair_is_financial_year(year: int) -> None:
    due = parse_due(f"{year}/{(year + 1) % 100:02d}")
    assert (due.start, due.end) == (date(year, 4, 1), date(year + 1, 3, 31))
    assert due.precision is Precision.FINANCIAL_YEAR


@given(st.integers(1900, 2098), st.integers(1, 4))
def test_financial_quarters_tile_the_year(year: int, quarter: int) -> None:
    due = parse_due(f"Q{quarter} {year}/{(year + 1) % 100:02d}")
    assert due.start is not None and due.end is not None
    assert (due.end.year * 12 + due.end.month) - (due.start.year * 12 + due.start.month) == 2
    assert date(year, 4, 1) <= due.start <= due.end <= date(year + 1, 3, 31)
    if quarter > 1:
        previous = parse_due(f"Q{quarter - 1} {year}/{(year + 1) % 100:02d}").end
        assert previous is not None and (due.start - previous).days == 1


@given(dates_1900_2099, st.sampled_from(["early", "mid", "late"]))
def test_month_thirds_stay_inside_the_month(day: date, part: str) -> None:
    due = parse_due(f"{part} {day.strftime('%B %Y')}")
    assert due.start is not None and due.end is not None
    assert due.start.month == due.end.month == day.month
    assert due.start.year == due.end.year == day.year
    if part == "late":
        assert due.end == month_end(day.year, day.month)
