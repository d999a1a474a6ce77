"""The delivery plan report's content, before any format is involved."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.reports.conftest import DEMO_TODAY, demo_actions, latest_text, params
from wellboard.reports.build import build_report
from wellboard.reports.document import HeaderBlock, Heading, Report, Table
from wellboard.reports.params import ReportError
from wellboard.strategy.delivery import delivered_actions
from wellboard.strategy.models import Action, Strategy, Theme

pytestmark = pytest.mark.django_db


def action_rows(report: Report) -> dict[str, tuple[str, ...]]:
    """Action title -> the row's cell texts, from every actions table. The title is the
    first line of its cell; a line for each linked good practice example follows it."""
    found = {}
    for table in report.tables("actions"):
        for row in table.rows:
            found[row[1].lines[0]] = tuple(cell.text for cell in row)
    return found


def test_every_action_appears_with_its_latest_update(demo: Strategy) -> None:
    report = build_report(params(demo, "delivery"))
    rows = action_rows(report)
    actions = demo_actions(demo)
    assert len(actions) > 40
    for action in actions:
        assert action.title in rows
        latest = latest_text(action)
        if latest:
            assert latest in rows[action.title][5]


def test_headings_follow_the_plan_hierarchy(demo: Strategy) -> None:
    report = build_report(params(demo, "delivery"))
    themes = list(Theme.objects.filter(plan=demo.main_plan).prefetch_related("priorities"))
    level1 = [b.text for b in report.blocks if isinstance(b, Heading) and b.level == 1]
    assert level1 == [*(f"{t.ref} {t.title}".strip() for t in themes), "Abbreviations"]
    level2 = [b.text for b in report.blocks if isinstance(b, Heading) and b.level == 2]
    expected = [f"{p.ref} {p.title}".strip() for t in themes for p in t.priorities.all()]
    assert level2 == [p for p in expected if p in level2]
    assert len(level2) >= len(themes)
    # each priority's heading is followed by its header block, then its table
    for index, block in enumerate(report.blocks):
        if isinstance(block, Heading) and block.level == 2:
            assert isinstance(report.blocks[index + 1], HeaderBlock)
            assert isinstance(report.blocks[index + 2], Table)


def test_header_block_names_theme_member_priority_and_officer(demo: Strategy) -> None:
    report = build_report(params(demo, "delivery"))
    block = next(b for b in report.blocks if isinstance(b, HeaderBlock))
    labels = [label for label, _ in block.items]
    # The first priority (1.1) has a good practice example of its own in the demo.
    expected = ["Theme", "Lead HWB member", "Priority action", "Lead officer", "Good practice"]
    assert labels == expected
    theme = Theme.objects.filter(plan=demo.main_plan).first()
    assert theme is not None
    assert block.items[0][1].endswith(theme.title)


def test_status_cells_carry_the_delivery_status(demo: Strategy) -> None:
    report = build_report(params(demo, "delivery"))
    statuses = {
        cell.status for table in report.tables("actions") for row in table.rows for cell in row
    }
    assert {"complete", "overdue"} <= statuses
    for action in demo_actions(demo)[:10]:
        expected = str(action.status_on(DEMO_TODAY))
        row = next(
            r for t in report.tables("actions") for r in t.rows if r[1].lines[0] == action.title
        )
        assert row[6].status == expected


def test_theme_filter_keeps_only_that_theme(demo: Strategy) -> None:
    theme = Theme.objects.filter(plan=demo.main_plan).last()
    assert theme is not None
    report = build_report(params(demo, "delivery", theme=theme.pk))
    titles = set(action_rows(report))
    expected = set(Action.objects.in_theme(theme).values_list("title", flat=True))
    assert titles == expected


def test_board_and_organisation_filters(demo: Strategy) -> None:
    action = Action.objects.in_plan(demo.main_plan).filter(board_links__isnull=False).first()
    assert action is not None
    board = action.board_links.first().board  # type: ignore[union-attr]
    report = build_report(params(demo, "delivery", board=board.name))
    # The report's actions: the main plan's and those of the plan it delegates to.
    in_plan = delivered_actions(demo.main_plan)  # type: ignore[arg-type]
    expected = set(in_plan.filter(board_links__board=board).values_list("title", flat=True))
    assert set(action_rows(report)) == expected
    lead = action.organisation_links.filter(is_lead=True).first().organisation  # type: ignore[union-attr]
    report = build_report(params(demo, "delivery", organisation=lead.name))
    led = set(
        in_plan.filter(
            organisation_links__organisation=lead, organisation_links__is_lead=True
        ).values_list("title", flat=True)
    )
    assert set(action_rows(report)) == led


def test_a_past_date_shows_the_plan_as_it_stood(demo: Strategy) -> None:
    as_of = dt.date(2025, 6, 30)
    report = build_report(params(demo, "delivery", as_of=as_of))
    rows = action_rows(report)
    changed = 0
    for action in demo_actions(demo):
        progress = rows[action.title][5]
        for line in progress.splitlines():
            when = line.split(":", 1)[0]
            try:
                dated = dt.datetime.strptime(when, "%d %b %Y").date()
            except ValueError:
                continue
            assert dated <= as_of, line
        if latest_text(action, as_of) != latest_text(action):
            changed += 1
            if latest_text(action, as_of):
                assert latest_text(action, as_of) in progress
    assert changed > 10  # the demo plan has moved on since mid-2025


def test_unknown_names_are_report_errors(demo: Strategy) -> None:
    with pytest.raises(ReportError, match="no governance board"):
        params(demo, "delivery", board="Nonexistent Board")
    with pytest.raises(ReportError, match="not a date"):
        params(demo, "delivery", as_of="31/12/2025")
    with pytest.raises(ReportError, match="unknown report"):
        params(demo, "quarterly")


def test_each_action_names_the_partnerships_role_in_words(demo: Strategy) -> None:
    rows = action_rows(build_report(params(demo, "delivery")))
    with_role = demo_actions(demo)
    named = [a for a in with_role if a.role_type is not None]
    assert named, "the demo gives actions role types"
    for action in named:
        assert action.role_type is not None
        assert f"Partnership's role: {action.role_type.name}" in rows[action.title][2]
    for action in with_role:
        if action.role_type is None:
            assert "Partnership's role" not in rows[action.title][2]
