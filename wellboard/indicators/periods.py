"""Fingertips period labels ("2019/20", "2017 - 19", "2022/23 Q2") as dates.

The labels follow the same conventions as plan due dates (financial years, calendar-year
ranges, quarters), so the UK due-date parser in wellboard.core.dates reads them; a label it
cannot read keeps no dates and sorts by the order the data gave.
"""

from __future__ import annotations

from datetime import date

from wellboard.core.dates import parse_due


def period_bounds(label: str) -> tuple[date | None, date | None, int]:
    """(start, end, sort key); the sort key is the start date as YYYYMMDD, 0 when unknown."""
    due = parse_due(label)
    if due.start is None or due.end is None:
        return None, None, 0
    start = due.start
    return start, due.end, start.year * 10000 + start.month * 100 + start.day
