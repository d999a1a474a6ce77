"""Seasons, halves of a year, a start with a length, and several dates in one cell."""

from datetime import date

import pytest

from wellboard.core.dates import Precision, parse_due
from wellboard.core.parsing.actions import due_fields

D = date.fromisoformat
P = Precision

# (wording, start, end, precision)
SPANS: list[tuple[str, date | None, date | None, Precision]] = [
    ("start January 2008 for one year", D("2008-01-01"), D("2009-01-31"), P.RANGE),
    ("Starting Jan 2008 for 12 months", D("2008-01-01"), D("2009-01-31"), P.RANGE),
    ("May 2013 for six months", D("2013-05-01"), D("2013-11-30"), P.RANGE),
    ("April 2014 for two years", D("2014-04-01"), D("2016-04-30"), P.RANGE),
    ("Spring 2014", D("2014-03-01"), D("2014-05-31"), P.RANGE),
    ("by Summer 2013", D("2013-06-01"), D("2013-08-31"), P.RANGE),
    ("Autumn 2015", D("2015-09-01"), D("2015-11-30"), P.RANGE),
    ("Winter 2014/15", D("2014-12-01"), D("2015-02-28"), P.RANGE),
    ("Spring-14", D("2014-03-01"), D("2014-05-31"), P.RANGE),
    ("Autumn term 2013", D("2013-09-01"), D("2013-12-31"), P.RANGE),
    ("Spring term 2014", D("2014-01-01"), D("2014-04-30"), P.RANGE),
    ("H1 2015/16", D("2015-04-01"), D("2015-09-30"), P.RANGE),
    ("H2 2015/16", D("2015-10-01"), D("2016-03-31"), P.RANGE),
    ("H2 2015", D("2015-07-01"), D("2015-12-31"), P.RANGE),
    ("first half of 2014/15", D("2014-04-01"), D("2014-09-30"), P.RANGE),
    # Two dates in one cell: due at the later, from the earlier's start.
    ("Mar-14 and Sep-14", D("2014-03-01"), D("2014-09-30"), P.RANGE),
    ("Sep-14\nMar-14", D("2014-03-01"), D("2014-09-30"), P.RANGE),
    ("Dec 2013; 31/03/2014", D("2013-12-01"), D("2014-03-31"), P.RANGE),
    ("2012-13 and 2013-14", D("2012-04-01"), D("2014-03-31"), P.RANGE),
    # Still not read: a choice, a number that is no date, a season without a sure year.
    ("March 2014 or 2015", None, None, P.NONE),
    ("phase 2 by March 2014", None, None, P.NONE),
    ("spring 14", None, None, P.NONE),
    ("H3 2015/16", None, None, P.NONE),
    ("winter term 2014", None, None, P.NONE),
    ("May 2013 for 300 months", None, None, P.NONE),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), SPANS)
def test_span_wording(text: str, start: date | None, end: date | None, precision: P) -> None:
    due = parse_due(" ".join(text.split()))
    assert (due.start, due.end, due.precision) == (start, end, precision)


def test_two_dates_keep_the_earlier_as_written() -> None:
    due = parse_due("Mar-14 and Sep-14")
    assert due.earlier == (("mar-14", D("2014-03-31")),)
    assert parse_due("Spring 2014").earlier == ()


def test_an_action_due_at_two_dates_keeps_the_earlier_as_a_milestone() -> None:
    fields = due_fields("Dec 2013\nMarch 2014")
    assert fields["due_text"] == "Dec 2013\nMarch 2014"
    assert fields["due_end"] == "2014-03-31"
    assert fields["milestones"] == [
        {"title": "By dec 2013", "due_text": "dec 2013", "due_end": "2013-12-31", "done_on": None}
    ]
    assert "milestones" not in due_fields("Apr-14")
