"""Good practice from the library in the board reports, in every format, published only."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html import unescape

import docx
import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from tests.factories import GoodPracticeFactory, OrganisationFactory, PartnershipFactory
from tests.reports.conftest import params, rendered
from wellboard.demo.practice import EXAMPLES
from wellboard.practice.models import GoodPractice
from wellboard.reports.build import build_report
from wellboard.reports.document import HeaderBlock, Heading, Report, Table
from wellboard.strategy.delivery import delivered_actions
from wellboard.strategy.models import Action, Priority, Strategy

pytestmark = pytest.mark.django_db

EVIDENCE = "Falls admissions down 18% among members over two years."
# The demo's own published examples (demo/practice.py): the reports show them too.
DEMO_PUBLISHED = {e.name for e in EXAMPLES if e.published}
# Their lines in the header blocks of the main plan's priorities they are linked to (the
# one linked to the delegated plan's priority SH.1 is not: that priority has no header
# block in the main plan's report, its actions come under priority 2.3's).
DEMO_HEADER_LINES = {
    "Bump to Baby breastfeeding buddies (North locality family hubs, "
    "Elmbridge Vale Public Health (County Council) (PH))",
    "Warm and Well winter visits (County-wide, Elmbridge Vale Fire and Rescue Service (EVFRS))",
}


@dataclass
class Library:
    action: Action
    priority: Priority
    linked: GoodPractice  # published, linked to the action
    strategic: GoodPractice  # published, linked to the priority
    draft: GoodPractice  # unpublished, linked to both
    foreign: GoodPractice  # another partnership's, published, linked to the action


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def library(demo: Strategy) -> Library:
    # an action the demo links to no example, so its row shows only the library's
    actions = Action.objects.in_plan(demo.main_plan).filter(good_practice__isnull=True)
    action = actions.order_by("pk").first()
    assert action is not None
    # a priority in another theme, so each kind of link is seen on its own
    priority = (
        Priority.objects.in_plan(demo.main_plan)
        .filter(good_practice__isnull=True)
        .exclude(theme_id=action.priority.theme_id)
        .order_by("pk")
        .first()
    )
    assert priority is not None
    partnership = demo.partnership
    org = OrganisationFactory(
        partnership=partnership, name="Kestrelbury Leisure Trust", acronym="KLT"
    )
    linked = GoodPracticeFactory(
        partnership=partnership,
        name="Strength & balance <classes>",
        place="Kestrelbury",
        organisation=org,
        evidence_of_impact=EVIDENCE,
        published=True,
    )
    linked.actions.add(action)
    strategic = GoodPracticeFactory(
        partnership=partnership, name="Warm homes hub", place="Eastvale", published=True
    )
    strategic.priorities.add(priority)
    draft = GoodPracticeFactory(partnership=partnership, name="Unfinished pilot write-up")
    draft.actions.add(action)
    draft.priorities.add(priority)
    foreign = GoodPracticeFactory(
        partnership=PartnershipFactory(), name="Another county's scheme", published=True
    )
    foreign.actions.add(action)
    return Library(action, priority, linked, strategic, draft, foreign)


def all_text(report: Report) -> str:
    parts: list[str] = []
    for block in report.blocks:
        if isinstance(block, Table):
            parts += [cell.text for row in block.rows for cell in row]
        elif isinstance(block, HeaderBlock):
            parts += [value for _, value in block.items]
        else:
            parts.append(str(getattr(block, "text", "")))
    return "\n".join(parts)


def action_row(report: Report, action: Action) -> tuple[str, ...]:
    for table in report.tables("actions"):
        for row in table.rows:
            if row[0].text == action.ref and row[1].lines[0] == action.title:
                return tuple(cell.text for cell in row)
    raise AssertionError(f"no row for {action.ref}")


def test_delivery_row_and_header_block_name_linked_practice(
    demo: Strategy, library: Library
) -> None:
    report = build_report(params(demo, "delivery"))
    row = action_row(report, library.action)
    assert row[1].splitlines() == [
        library.action.title,
        "Good practice: Strength & balance <classes> "
        "(Kestrelbury, Kestrelbury Leisure Trust (KLT))",
    ]
    blocks = [b for b in report.blocks if isinstance(b, HeaderBlock)]
    with_practice = [dict(b.items) for b in blocks if "Good practice" in dict(b.items)]
    lines = {items["Good practice"] for items in with_practice}
    assert lines == {"Warm homes hub (Eastvale)"} | DEMO_HEADER_LINES
    assert len(with_practice) == len(lines)
    ours = [i for i in with_practice if i["Good practice"] == "Warm homes hub (Eastvale)"]
    assert ours[0]["Priority action"].endswith(library.priority.title)


def test_delivery_practice_table_follows_the_priority_actions(
    demo: Strategy, library: Library
) -> None:
    report = build_report(params(demo, "delivery"))
    tables = report.tables("practice")
    rows = {row[0].text: tuple(c.text for c in row) for t in tables for row in t.rows}
    assert set(rows) == {library.linked.name, library.strategic.name} | DEMO_PUBLISHED
    assert rows[library.linked.name] == (
        library.linked.name,
        "Kestrelbury",
        "Kestrelbury Leisure Trust (KLT)",
        EVIDENCE,
        f"Action {library.action.ref}",
    )
    assert rows[library.strategic.name][3:] == ("Not recorded", f"Priority {library.priority.ref}")
    # each practice table comes straight after its priority's action table, under a heading
    for table in tables:
        at = report.blocks.index(table)
        assert report.blocks[at - 1] == Heading("Good practice", 3)
        assert isinstance(report.blocks[at - 2], Table) and report.blocks[at - 2].kind == "actions"
        assert table.context[0][1] in {library.action.priority.title, library.priority.title} | (
            _demo_practice_priorities(demo)
        )


def _demo_practice_priorities(demo: Strategy) -> set[str]:
    """Titles of the priorities the demo's published examples support, directly or
    through one of their actions, and of the priority delegating to a plan they are in."""
    published = GoodPractice.objects.filter(partnership=demo.partnership, published=True)
    through_actions = Priority.objects.filter(actions__good_practice__in=published)
    direct = Priority.objects.filter(good_practice__in=published)
    found = set(through_actions) | set(direct)
    delegating = Priority.objects.filter(sub_plan__themes__priorities__in=found)
    return {p.title for p in found | set(delegating)}


def test_unpublished_and_other_partnerships_practice_never_appear(
    demo: Strategy, library: Library
) -> None:
    for kind in ("delivery", "annual"):
        text = all_text(build_report(params(demo, kind, year=2026)))
        assert library.linked.name in text
        assert library.draft.name not in text
        assert library.foreign.name not in text


def test_annual_report_lists_examples_under_achievements(demo: Strategy, library: Library) -> None:
    report = build_report(params(demo, "annual", year=2026))
    headings = [(b.text, b.level) for b in report.blocks if isinstance(b, Heading)]
    at = headings.index(("Examples of good practice", 2))
    assert headings[at - 1][1] == 2 and ("Achievements", 1) in headings[:at]
    table = next(
        b
        for b in report.blocks[report.blocks.index(Heading("Examples of good practice", 2)) :]
        if isinstance(b, Table)
    )
    rows = {row[0].text: tuple(c.text for c in row) for row in table.rows}
    assert set(rows) == {library.linked.name, library.strategic.name} | DEMO_PUBLISHED
    assert rows[library.linked.name][3:] == (EVIDENCE, f"Action {library.action.ref}")
    assert rows[library.strategic.name][4] == f"Priority {library.priority.ref}"


def test_annual_report_says_when_there_is_no_practice(demo: Strategy) -> None:
    GoodPractice.objects.filter(partnership=demo.partnership).update(published=False)
    report = build_report(params(demo, "annual", year=2026))
    table = next(t for t in report.tables("practice"))
    assert table.rows == ()
    assert table.caption == "No published good practice is linked to these actions."


def test_a_theme_filter_leaves_out_practice_of_other_themes(
    demo: Strategy, library: Library
) -> None:
    report = build_report(params(demo, "annual", year=2026, theme=library.priority.theme_id))
    names = {row[0].text for t in report.tables("practice") for row in t.rows}
    assert library.strategic.name in names
    assert library.linked.name not in names


def test_docx_shows_practice_in_rows_header_blocks_and_tables(
    demo: Strategy, library: Library
) -> None:
    for kind in ("delivery", "annual"):
        document = docx.Document(io.BytesIO(rendered(demo, kind, "docx", year=2026).content))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        assert EVIDENCE in cells
        assert library.strategic.name in cells
        assert not any(library.draft.name in c for c in cells)
        if kind == "delivery":
            assert any(c.startswith("GOOD PRACTICE") for c in cells)
            assert any(c.startswith(library.action.title) and "Good practice:" in c for c in cells)
        else:
            headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
            assert "Examples of good practice" in headings


def test_xlsx_gathers_practice_on_its_own_sheet(demo: Strategy, library: Library) -> None:
    book = openpyxl.load_workbook(io.BytesIO(rendered(demo, "delivery", "xlsx").content))
    sheet = book["Good practice"]
    header = [c.value for c in sheet[1]]
    assert header == ["Theme", "Priority", "Good practice", "Place", "Organisation",
                      "Evidence of impact", "Supports"]  # fmt: skip
    rows = {r[2]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {library.linked.name, library.strategic.name} | DEMO_PUBLISHED
    assert rows[library.linked.name][1] == library.action.priority.title
    assert rows[library.linked.name][5] == EVIDENCE
    assert sheet.auto_filter.ref is not None
    actions = book["Actions"]
    titles = [r[3] for r in actions.iter_rows(min_row=2, values_only=True)]
    assert any(t.startswith(library.action.title) and "Good practice:" in t for t in titles)
    annual = openpyxl.load_workbook(io.BytesIO(rendered(demo, "annual", "xlsx", year=2026).content))
    examples = annual["Examples of good practice"]
    assert {r[0] for r in examples.iter_rows(min_row=2, values_only=True)} == {
        library.linked.name,
        library.strategic.name,
    } | DEMO_PUBLISHED


def test_html_escapes_practice_and_shows_the_evidence(demo: Strategy, library: Library) -> None:
    for kind in ("delivery", "annual"):
        html = rendered(demo, kind, "html", year=2026).content.decode()
        assert "Strength &amp; balance &lt;classes&gt;" in html
        assert "<classes>" not in html
        text = squash(unescape(html))
        assert EVIDENCE in text and library.strategic.name in text
        assert library.draft.name not in text


def test_pdf_carries_the_practice_table(demo: Strategy, library: Library) -> None:
    pdf = rendered(demo, "annual", "pdf", year=2026).content
    text = squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert "Examples of good practice" in text
    assert squash(EVIDENCE) in text


def test_practice_costs_a_fixed_number_of_queries(demo: Strategy, library: Library) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            build_report(params(demo, "delivery"))
        return len(captured)

    few = queries()
    actions = list(Action.objects.in_plan(demo.main_plan))
    priorities = list(Priority.objects.in_plan(demo.main_plan))
    for n in range(5):
        entry = GoodPracticeFactory(
            partnership=demo.partnership,
            organisation=OrganisationFactory(partnership=demo.partnership),
            published=True,
        )
        entry.actions.add(*actions[n::5])
        entry.priorities.add(*priorities[n::5])
    report = build_report(params(demo, "delivery"))
    linked_rows = [r for t in report.tables("actions") for r in t.rows if len(r[1].lines) > 1]
    # every main plan action now, and the delegated plan's actions the demo links examples to
    delegated = delivered_actions(demo.main_plan).exclude(pk__in=[a.pk for a in actions])  # type: ignore[arg-type]
    linked_there = delegated.filter(good_practice__published=True).distinct().count()
    assert linked_there >= 1
    assert len(linked_rows) == len(actions) + linked_there
    assert queries() == few
