"""The annual implementation report and the exception report."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest
from pypdf import PdfReader

from tests.reports.conftest import DEMO_TODAY, demo_actions, params, rendered
from wellboard.partnerships.models import BoardMeeting
from wellboard.reports.build import build_report
from wellboard.reports.document import Heading, Paragraph, StackedBarChart
from wellboard.reports.exception_report import COLUMNS as EXCEPTION_COLUMNS
from wellboard.reports.models import ReportSnapshot
from wellboard.reports.params import ReportError
from wellboard.strategy.models import Milestone, Strategy

pytestmark = pytest.mark.django_db


def test_annual_report_counts_every_action_by_theme(demo: Strategy) -> None:
    report = build_report(params(demo, "annual", year=2025))
    assert report.as_of == dt.date(2026, 3, 31)  # the year has ended: its last day
    chart = next(b for b in report.blocks if isinstance(b, StackedBarChart))
    assert sum(chart.total(i) for i in range(len(chart.categories))) == len(demo_actions(demo))
    level1 = [b.text for b in report.blocks if isinstance(b, Heading) and b.level == 1]
    assert level1 == [
        "Delivery by theme",
        "Achievements",
        "Exceptions",
        "Outcome indicators",
        "Approval history",
        "What changed since the last report",
        "Abbreviations",
    ]


def test_annual_achievements_are_this_years(demo: Strategy) -> None:
    report = build_report(params(demo, "annual", year=2025))
    completed, milestones = report.tables()[0], report.tables()[1]
    for row in completed.rows:
        done = dt.datetime.strptime(row[2].text, "%d %b %Y").date()
        assert dt.date(2025, 4, 1) <= done <= dt.date(2026, 3, 31)
        assert row[2].status == "complete"
    reached = Milestone.objects.in_plan(demo.main_plan).filter(
        done_on__range=(dt.date(2025, 4, 1), dt.date(2026, 3, 31)),
    )
    assert reached.exists()
    assert {r[0].text for r in milestones.rows} == set(reached.values_list("title", flat=True))


def test_annual_changes_compare_two_dates(demo: Strategy) -> None:
    since = dt.date(2025, 3, 31)
    report = build_report(params(demo, "annual", year=2025, since=since))
    changes = [t for t in report.tables() if t.kind != "abbreviations"][-1]
    # Rows by action title: the first line of the delivery report's title cell.
    before = {
        r[1].lines[0]: r
        for t in build_report(params(demo, "delivery", as_of=since)).tables("actions")
        for r in t.rows
    }
    after = {
        r[1].lines[0]: r
        for t in build_report(params(demo, "delivery", as_of=dt.date(2026, 3, 31))).tables(
            "actions"
        )
        for r in t.rows
    }
    expected = {title for title in after if after[title][6].status != before[title][6].status}
    assert expected
    assert {r[1].lines[0] for r in changes.rows} == expected


def test_annual_formats_carry_the_chart(demo: Strategy) -> None:
    html = rendered(demo, "annual", "html", year=2025).content.decode()
    assert "<svg" in html and "wb-chart" in html
    workbook = rendered(demo, "annual", "xlsx", year=2025).content
    names = zipfile.ZipFile(io.BytesIO(workbook)).namelist()
    assert any(name.startswith("xl/charts/chart") for name in names)
    document = docx.Document(io.BytesIO(rendered(demo, "annual", "docx", year=2025).content))
    assert any(t.rows[0].cells[0].text == "Theme" for t in document.tables)
    pdf = PdfReader(io.BytesIO(rendered(demo, "annual", "pdf", year=2025).content))
    assert "Delivery by theme" in pdf.pages[0].extract_text()


def test_a_year_after_the_report_date_is_refused(demo: Strategy) -> None:
    with pytest.raises(ReportError, match="starts after"):
        build_report(params(demo, "annual", year=2027))


def test_exception_report_lists_exactly_the_exceptions(demo: Strategy) -> None:
    since = dt.date(2026, 9, 1)
    report = build_report(params(demo, "exceptions", since=since))
    listed = {r[1].text: r for t in report.tables("actions") for r in t.rows}
    assert report.tables("actions")[0].columns == EXCEPTION_COLUMNS
    for action in demo_actions(demo):
        status = str(action.status_on(DEMO_TODAY))
        dated = [u.date for u in action.updates.all() if u.date]
        silent = not dated or max(dated) <= since
        expected = status != "complete" and (status in {"red", "overdue"} or silent)
        assert (action.title in listed) == expected, action.title
    assert listed


def test_exception_groups_are_lead_organisations(demo: Strategy) -> None:
    report = build_report(params(demo, "exceptions", since=dt.date(2026, 9, 1)))
    headings = [b.text for b in report.blocks if isinstance(b, Heading)][:-1]
    assert report.blocks[-2] == Heading("Abbreviations", 1)
    for table, heading in zip(report.tables("actions"), headings, strict=True):
        assert {c[0] for c in table.context} == {heading}
    actions = {a.title: a for a in demo_actions(demo)}
    for table, heading in zip(report.tables("actions"), headings, strict=True):
        for row in table.rows:
            assert actions[row[1].text].lead_labels()[0] == heading


def test_previous_meeting_comes_from_the_last_snapshot(demo: Strategy) -> None:
    board = demo.partnership.boards.first()
    assert board is not None
    ReportSnapshot.objects.create(
        strategy=demo,
        kind="exceptions",
        format="pdf",
        content=b"%PDF",
        filename="x.pdf",
        content_type="application/pdf",
        as_of=dt.date(2026, 8, 14),
        meeting_date=dt.date(2026, 8, 14),
        board=board,
    )
    report = build_report(params(demo, "exceptions", board=board.name))
    assert ("Previous meeting", "14 Aug 2026") in report.meta


def _no_meetings_known(demo: Strategy) -> None:
    """The Health and Wellbeing Board with no meeting in its calendar and no saved report."""
    BoardMeeting.objects.filter(partnership=demo.partnership).delete()
    ReportSnapshot.objects.filter(strategy=demo, kind="exceptions").delete()


def test_previous_meeting_comes_from_the_board_meeting_calendar(demo: Strategy) -> None:
    _no_meetings_known(demo)
    for day in (dt.date(2026, 6, 2), dt.date(2026, 9, 15), DEMO_TODAY + dt.timedelta(days=1)):
        BoardMeeting.objects.create(partnership=demo.partnership, date=day)
    report = build_report(params(demo, "exceptions"))
    assert ("Previous meeting", "15 Sep 2026") in report.meta
    assert ("Previous meeting taken from", "the board meeting calendar") in report.meta
    since = dt.date(2026, 9, 15)
    listed = {r[1].text for t in report.tables("actions") for r in t.rows}
    for action in demo_actions(demo):
        dated = [u.date for u in action.updates.all() if u.date and u.date <= DEMO_TODAY]
        status = str(action.status_on(DEMO_TODAY))
        silent = not dated or max(dated) <= since
        expected = status != "complete" and (status in {"red", "overdue"} or silent)
        assert (action.title in listed) == expected, action.title
    assert listed


def test_with_no_meeting_known_the_report_says_so_and_assumes_no_date(demo: Strategy) -> None:
    _no_meetings_known(demo)
    report = build_report(params(demo, "exceptions"))
    assert ("Previous meeting", "None known (not in the calendar)") in report.meta
    summary = next(b.text for b in report.blocks if isinstance(b, Paragraph))
    assert (
        "No earlier meeting of the Health and Wellbeing Board is in the board meeting calendar"
        in summary
    )
    whys = [why for t in report.tables("actions") for r in t.rows for why in r[5].lines]
    assert not [w for w in whys if w.startswith("No update since")]
    assert "Red" not in whys  # the one vocabulary: "Off track (red)"
    listed = {r[1].text for t in report.tables("actions") for r in t.rows}
    for action in demo_actions(demo):
        status = str(action.status_on(DEMO_TODAY))
        dated = [u.date for u in action.updates.all() if u.date and u.date <= DEMO_TODAY]
        expected = status != "complete" and (status in {"red", "overdue"} or not dated)
        assert (action.title in listed) == expected, action.title


def test_annual_report_carries_the_approval_history_in_every_format(demo: Strategy) -> None:
    html = rendered(demo, "annual", "html", year=2025).content.decode()
    assert "Approval history" in html and "ICB/24/088" in html
    assert "At the report date the strategy was in delivery." in html
    document = docx.Document(io.BytesIO(rendered(demo, "annual", "docx", year=2025).content))
    [table] = [t for t in document.tables if t.rows[0].cells[0].text == "Meeting"]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert rows[3] == [
        "16 Jul 2024", "Elmbridge Vale County Council Cabinet", "Adopted", "", "CAB/24/112",
    ]  # fmt: skip
    assert rows[4][1:] == [
        "NHS Elmbridge Vale Integrated Care Board", "Adopted", "Approved to Adopted", "ICB/24/088",
    ]  # fmt: skip
    pdf = PdfReader(io.BytesIO(rendered(demo, "annual", "pdf", year=2025).content))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Approval history" in text and "HWB/24/27" in text


def test_a_report_dated_before_a_decision_leaves_it_out(demo: Strategy) -> None:
    report = build_report(params(demo, "annual", year=2024, as_of=dt.date(2024, 7, 20)))
    [table] = [t for t in report.tables() if t.columns[0] == "Meeting"]
    assert [r[4].text for r in table.rows] == ["HWB/24/04", "HWB/24/19", "HWB/24/27", "CAB/24/112"]
    assert "At the report date the strategy was approved." in [
        b.text for b in report.blocks if hasattr(b, "text")
    ]
