"""The due-date wordings found in the seed documents, and every timescale cell of the plan table.

The expected values below are written out by hand; only the short wordings come from the seeds.
"""

from datetime import date
from pathlib import Path

import pytest

from wellboard.core.dates import Precision, parse_due

D = date.fromisoformat
P = Precision
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
PLAN_TABLE = "002_886bbce432e6733f.txt"
TIMESCALE_COLUMN = 3

# (wording, start, end, precision, ongoing, to_be_agreed)
SEED_WORDINGS: list[tuple[str, date | None, date | None, Precision, bool, bool]] = [
    # The "Milestones (Timescale)" column of the plan table.
    ("Apr-14", D("2014-04-01"), D("2014-04-30"), P.MONTH, False, False),
    ("Apr-13", D("2013-04-01"), D("2013-04-30"), P.MONTH, False, False),
    ("by May 2013", D("2013-05-01"), D("2013-05-31"), P.MONTH, False, False),
    ("Sept 2013 (Academic year)", D("2013-09-01"), D("2014-07-31"), P.ACADEMIC_YEAR, False, False),
    (
        "<p>Sept 2013 (Academic year)</p>",
        D("2013-09-01"),
        D("2014-07-31"),
        P.ACADEMIC_YEAR,
        False,
        False,
    ),
    ("<p>by May 2013</p>", D("2013-05-01"), D("2013-05-31"), P.MONTH, False, False),
    ("Sep-13", D("2013-09-01"), D("2013-09-30"), P.MONTH, False, False),
    ("<p>Sep-13</p>", D("2013-09-01"), D("2013-09-30"), P.MONTH, False, False),
    ("Mar-13", D("2013-03-01"), D("2013-03-31"), P.MONTH, False, False),
    ("<p>Mar-13</p>", D("2013-03-01"), D("2013-03-31"), P.MONTH, False, False),
    ("Mar-14", D("2014-03-01"), D("2014-03-31"), P.MONTH, False, False),
    (
        "To be delivered between April to June 2013",
        D("2013-04-01"),
        D("2013-06-30"),
        P.RANGE,
        False,
        False,
    ),
    ("To be in place by May 2013", D("2013-05-01"), D("2013-05-31"), P.MONTH, False, False),
    ("To be developed by June 2013", D("2013-06-01"), D("2013-06-30"), P.MONTH, False, False),
    # Dates elsewhere in the plan table and in the two board papers.
    ("From April 2013", D("2013-04-01"), None, P.MONTH, True, False),
    ("2012-13", D("2012-04-01"), D("2013-03-31"), P.FINANCIAL_YEAR, False, False),
    ("2013-14", D("2013-04-01"), D("2014-03-31"), P.FINANCIAL_YEAR, False, False),
    ("financial year 2014-15", D("2014-04-01"), D("2015-03-31"), P.FINANCIAL_YEAR, False, False),
    ("2012-2015", D("2012-01-01"), D("2015-12-31"), P.RANGE, False, False),
    ("2012 - 2015", D("2012-01-01"), D("2015-12-31"), P.RANGE, False, False),
    ("2011/12", D("2011-04-01"), D("2012-03-31"), P.FINANCIAL_YEAR, False, False),
    ("2011", D("2011-01-01"), D("2011-12-31"), P.YEAR, False, False),
    ("Tuesday 5th February 2013", D("2013-02-05"), D("2013-02-05"), P.DAY, False, False),
    ("9th April 2013", D("2013-04-09"), D("2013-04-09"), P.DAY, False, False),
    ("December 1st 2011", D("2011-12-01"), D("2011-12-01"), P.DAY, False, False),
    ("September 27th 2012", D("2012-09-27"), D("2012-09-27"), P.DAY, False, False),
    ("in September", None, None, P.NONE, False, False),
    ("later on in the year", None, None, P.NONE, False, False),
    ("To be agreed", None, None, P.NONE, False, True),
    ("to be advised", None, None, P.NONE, False, True),
    # Other wordings boards use.
    ("Sep-14", D("2014-09-01"), D("2014-09-30"), P.MONTH, False, False),
    ("2008 and onwards", D("2008-01-01"), None, P.YEAR, True, False),
    ("On going", None, None, P.NONE, True, False),
    ("Date to be agreed", None, None, P.NONE, False, True),
    ("Early July 2014", D("2014-07-01"), D("2014-07-10"), P.MONTH, False, False),
    ("End 2008", D("2008-09-01"), D("2008-12-31"), P.YEAR, False, False),
    ("2007-10", D("2007-01-01"), D("2010-12-31"), P.RANGE, False, False),
    ("2008 - 2013", D("2008-01-01"), D("2013-12-31"), P.RANGE, False, False),
    ("2008/10", D("2008-04-01"), D("2010-03-31"), P.RANGE, False, False),
    ("2014/15", D("2014-04-01"), D("2015-03-31"), P.FINANCIAL_YEAR, False, False),
    ("June or September 2008", D("2008-09-01"), D("2008-09-30"), P.MONTH, False, False),
    ("Annually", None, None, P.NONE, True, False),
    ("October 2014", D("2014-10-01"), D("2014-10-31"), P.MONTH, False, False),
]


@pytest.mark.parametrize(("text", "start", "end", "precision", "ongoing", "agreed"), SEED_WORDINGS)
def test_seed_wording(
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


def timescale_cells(table: Path) -> list[str]:
    """Non-empty timescale cells of the tab-separated rows, column headings left out."""
    cells = []
    for line in table.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if len(columns) > TIMESCALE_COLUMN and columns[0] != "Priorities":
            cells.append(columns[TIMESCALE_COLUMN].strip())
    return [cell for cell in cells if cell]


@pytest.mark.seeds
@pytest.mark.skipif(not (SEEDS / PLAN_TABLE).exists(), reason="../shared/seeds is not present")
def test_every_timescale_cell_of_the_plan_table_is_read() -> None:
    cells = timescale_cells(SEEDS / PLAN_TABLE)
    assert len(cells) >= 20
    unread = [cell for cell in cells if parse_due(cell).precision is Precision.NONE]
    assert unread == []
    assert all(parse_due(cell).end is not None for cell in cells)


@pytest.mark.seeds
@pytest.mark.skipif(not (SEEDS / PLAN_TABLE).exists(), reason="../shared/seeds is not present")
def test_every_due_wording_the_seed_plans_import_is_read() -> None:
    from wellboard.core.parsing import parse_plan

    plan = parse_plan(SEEDS / PLAN_TABLE).plan
    actions = [a for t in plan["themes"] for p in t["priorities"] for a in p["actions"]]
    dues = [a for a in actions if a["due_text"]]
    assert len(dues) >= 20
    assert [a["due_text"] for a in dues if a["due_end"] is None and not a["to_be_agreed"]] == []
