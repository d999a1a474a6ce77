"""Word plans, field by field: a multi-table delivery plan and a regional action plan."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn

from tests.core.parsing.fixtures.docx_builders import (
    DELIVERY_HEADER,
    build_delivery_docx,
    build_regional_docx,
)
from wellboard.core.parsing import ParseResult, parse_plan
from wellboard.core.parsing.checked import check_upload
from wellboard.core.parsing.docx_reader import _p_text, read_docx
from wellboard.core.parsing.table_model import Paragraph, Table

Validate = Callable[[dict[str, Any]], None]


@pytest.fixture(scope="module")
def delivery(tmp_path_factory: pytest.TempPathFactory) -> ParseResult:
    return parse_plan(build_delivery_docx(tmp_path_factory.mktemp("delivery")))


@pytest.fixture(scope="module")
def regional(tmp_path_factory: pytest.TempPathFactory) -> ParseResult:
    return parse_plan(build_regional_docx(tmp_path_factory.mktemp("regional")))


def actions_of(priority: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {action["title"]: action for action in priority["actions"]}


# The reader ------------------------------------------------------------------------------------


def test_reader_keeps_body_order_and_marks_headings_bold_and_lists(tmp_path: Path) -> None:
    blocks = read_docx(check_upload(build_delivery_docx(tmp_path))).blocks
    kinds = [
        "table" if isinstance(b, Table) else f"h{b.heading_level}" if b.heading_level is not None
        else "bold" if b.bold else "list" if b.list_item else "p"
        for b in blocks
    ]  # fmt: skip
    assert (
        kinds
        == ["h0", "p", "h1", "p", "p", "list", "list", "list", "table"]
        + [
            "bold",
            "p",
            "table",
            "h1",
        ]
        + ["p"] * 6
    )


def test_reader_blanks_vertical_merge_continuations(tmp_path: Path) -> None:
    table = next(
        b
        for b in read_docx(check_upload(build_delivery_docx(tmp_path))).blocks
        if isinstance(b, Table)
    )
    assert table.rows[1][0].paragraphs == ("1.1 Increase breastfeeding rates",)
    assert table.rows[2][0].empty
    # python-docx's own API repeats the merged text: the reader must not.
    document = docx.Document(str(tmp_path / "delivery-plan.docx"))
    assert document.tables[0].rows[2].cells[0].text == "1.1 Increase breastfeeding rates"


def test_reader_splits_cell_paragraphs(tmp_path: Path) -> None:
    table = next(
        b
        for b in read_docx(check_upload(build_delivery_docx(tmp_path))).blocks
        if isinstance(b, Table)
    )
    assert table.rows[1][1].paragraphs == (
        "Recruit and train 20 volunteer peer supporters.",
        "Open two breastfeeding cafes in children's centres.",
    )
    assert [cell.text for cell in table.rows[0]] == DELIVERY_HEADER


def test_reader_marks_horizontally_merged_grid_columns_as_spanned(tmp_path: Path) -> None:
    table = next(
        b
        for b in read_docx(check_upload(build_regional_docx(tmp_path))).blocks
        if isinstance(b, Table)
    )
    first = table.rows[0]
    assert len(first) == 7
    assert [cell.text for cell in first] == [
        "THEME", "Healthier communities", "", "", "", "LEAD HWB MEMBER", "Cllr Ann Example"
    ]  # fmt: skip
    assert [cell.spanned for cell in first] == [False, False, True, True, True, False, False]


def test_fast_paragraph_text_matches_python_docx(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Tab")
    paragraph.add_run("\tafter").add_break()
    paragraph.add_run("next line").add_break(WD_BREAK.PAGE)
    paragraph.add_run("after page")
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    cell.paragraphs[0].add_run("In a cell").add_break()
    path = tmp_path / "text.docx"
    document.save(str(path))
    body = docx.Document(str(path)).element.body
    paragraphs = list(body.iter(qn("w:p")))
    assert [_p_text(p) for p in paragraphs] == [p.text for p in paragraphs]
    assert _p_text(paragraphs[0]) == "Tab\tafter\nnext lineafter page"


def test_reader_gives_a_title_paragraph(tmp_path: Path) -> None:
    first = read_docx(check_upload(build_regional_docx(tmp_path))).blocks[0]
    assert isinstance(first, Paragraph)
    assert (first.text, first.heading_level) == (
        "Northshire Regional Health Improvement Action Plan 2009-2011",
        0,
    )


# The multi-table delivery plan ----------------------------------------------------------------


def test_delivery_plan_is_valid(delivery: ParseResult, assert_valid: Validate) -> None:
    assert_valid(delivery.plan)
    assert delivery.plan["title"] == "Riverside Health and Wellbeing Delivery Plan 2015-16"
    assert delivery.unmapped_headers == []


def test_themes_come_from_a_heading_and_a_bold_paragraph(delivery: ParseResult) -> None:
    themes = delivery.plan["themes"]
    assert [(t["ref"], t["title"]) for t in themes] == [
        ("1", "Starting well"),
        ("2", "Living well"),
    ]
    assert themes[0]["description"] == "Giving every child in Riverside the best start in life."


def test_possible_indicators_become_theme_indicators(delivery: ParseResult) -> None:
    first, second = delivery.plan["themes"]
    assert first["indicators"] == [
        "PHOF 2.02ii",
        "PHOF 1.16",
        "Take-up of funded nursery places for two-year-olds",
    ]
    assert second["indicators"] == ["PHOF 2.13i", "Adults walking for 30 minutes a week"]


def test_priorities_with_refs_from_their_text(delivery: ParseResult) -> None:
    priorities = delivery.plan["themes"][0]["priorities"]
    assert [(p["ref"], p["title"]) for p in priorities] == [
        ("1.1", "Increase breastfeeding rates"),
        ("1.2", "Improve school readiness"),
        ("1.3", "Reduce smoking in pregnancy"),
    ]


def test_merged_priority_cell_and_repeated_header_keep_one_priority(delivery: ParseResult) -> None:
    priority = delivery.plan["themes"][0]["priorities"][0]
    assert [a["title"] for a in priority["actions"]] == [
        "Recruit and train 20 volunteer peer supporters",
        "Open two breastfeeding cafes in children's centres",
        "Publish a map of breastfeeding-friendly venues",
        "Evaluate the peer support scheme",
    ]
    assert [a["ref"] for a in priority["actions"]] == ["1.1.1", "1.1.2", "1.1.3", "1.1.4"]


def test_multi_paragraph_cell_shares_leads_and_dates_by_position(delivery: ParseResult) -> None:
    first, second, *_ = delivery.plan["themes"][0]["priorities"][0]["actions"]
    assert first["leads"] == ["Riverside Community Trust"]
    assert second["leads"] == ["Riverside Council"]
    assert (first["due_text"], first["due_end"]) == ("Sep-15", "2015-09-30")
    assert (second["due_text"], second["due_end"]) == ("Dec 2015", "2015-12-31")
    for action in (first, second):
        assert action["supporting"] == ["Children's Centres", "Midwifery Service (RCT)"]
        assert action["boards"] == ["CYP Board", "HWBB"]
        assert action["links"] == ["Infant Feeding Strategy 2014-17"]


def test_progress_to_date_becomes_dated_updates(delivery: ParseResult) -> None:
    action = delivery.plan["themes"][0]["priorities"][0]["actions"][0]
    assert [(u["date"], u["date_text"], u["rag"]) for u in action["updates"]] == [
        (None, "", None),
        ("2015-10-31", "October 2015", "amber"),
        ("2016-01-31", "Jan 2016", "complete"),
    ]
    assert action["updates"][0]["text"] == "Training course designed."
    assert action["updates"][1]["text"] == "12 volunteers trained. RAG: Amber"


def test_as_above_takes_the_nearest_value_above(delivery: ParseResult) -> None:
    third = delivery.plan["themes"][0]["priorities"][0]["actions"][2]
    assert third["leads"] == ["Riverside Community Trust", "Riverside Council"]
    assert third["boards"] == ["CYP Board", "HWBB"]
    assert third["supporting"] == ["LVSC"]
    walking = delivery.plan["themes"][1]["priorities"][0]["actions"][1]
    assert (walking["due_text"], walking["due_end"]) == ("31/03/2016", "2016-03-31")


def test_lead_cell_splits_on_slash(delivery: ParseResult) -> None:
    fourth = delivery.plan["themes"][0]["priorities"][0]["actions"][3]
    assert fourth["leads"] == ["Public Health", "RCT"]
    assert (fourth["due_start"], fourth["due_end"], fourth["due_precision"]) == (
        "2015-04-01",
        "2016-03-31",
        "financial_year",
    )


def test_introduction_becomes_a_priority_note_and_bullets_actions(delivery: ParseResult) -> None:
    priority = delivery.plan["themes"][0]["priorities"][1]
    assert priority["description"] == "Support for families with two-year-olds:"
    promote, offer = priority["actions"]
    assert promote["title"] == "Promote funded nursery places through health visitors"
    assert (promote["due_text"], promote["to_be_agreed"], promote["due_end"]) == ("TBC", True, None)
    assert offer["title"] == "Offer home learning sessions to families"
    assert (offer["due_text"], offer["ongoing"]) == ("Ongoing", True)
    assert promote["leads"] == offer["leads"] == ["RC"]


def test_a_priority_deferred_to_another_plan(delivery: ParseResult) -> None:
    priority = delivery.plan["themes"][0]["priorities"][2]
    assert priority["sub_plan"] == "Tobacco Control action plan"
    assert priority["actions"] == []
    assert delivery.plan["plans"] == [
        {"title": "Tobacco Control action plan", "kind": "sub_plan", "period": "", "themes": []}
    ]


def test_second_table_headers_are_recognised_by_meaning(delivery: ParseResult) -> None:
    priority = delivery.plan["themes"][1]["priorities"][0]
    swimming = priority["actions"][0]
    assert priority["title"] == "Increase physical activity"
    assert swimming["leads"] == ["Leisure Trust"]
    assert swimming["supporting"] == ["RC"]
    assert (swimming["due_end"], swimming["due_precision"]) == ("2016-03-31", "day")
    assert swimming["boards"] == ["Living Well Board"]
    assert [(u["date"], u["date_text"]) for u in swimming["updates"]] == [
        ("2016-02-29", "Feb 2016")
    ]


def test_glossary_lines_and_the_missing_acronym_warning(delivery: ParseResult) -> None:
    assert delivery.plan["glossary"] == [
        {"term": "CCG", "meaning": "Clinical Commissioning Group"},
        {"term": "RC", "meaning": "Riverside Council"},
        {"term": "RCT", "meaning": "Riverside Community Trust"},
        {"term": "HWBB", "meaning": "Health and Wellbeing Board"},
        {"term": "CYP", "meaning": "Children and Young People"},
    ]
    warnings = [w for w in delivery.warnings if "glossary" in w]
    assert warnings == [
        "acronyms in leads or supporting organisations that the glossary does not define: LVSC"
    ]


def test_other_strategies_are_collected_from_links(delivery: ParseResult) -> None:
    assert delivery.plan["other_strategies"] == [
        {"title": "Infant Feeding Strategy 2014-17", "owner": "", "url": ""}
    ]


# The regional action plan with key-value header blocks ----------------------------------------


def test_regional_plan_is_valid(regional: ParseResult, assert_valid: Validate) -> None:
    assert_valid(regional.plan)
    assert regional.plan["title"] == "Northshire Regional Health Improvement Action Plan 2009-2011"


def test_key_value_blocks_set_themes_priorities_and_leads(regional: ParseResult) -> None:
    themes = regional.plan["themes"]
    assert [(t["title"], t["lead_member"]) for t in themes] == [
        ("Healthier communities", "Cllr Ann Example"),
        ("Older people's independence", "Cllr Bo Specimen"),
    ]
    assert [(p["title"], p["lead_officer"]) for p in themes[0]["priorities"]] == [
        ("Reduce alcohol-related harm", "Dr Raj Sample"),
        ("Promote healthy workplaces", "Sam Placeholder"),
    ]
    assert [(p["title"], p["lead_officer"]) for p in themes[1]["priorities"]] == [
        ("Prevent falls", "Kim Exemplar")
    ]


def test_no_column_values_are_kept_as_refs(regional: ParseResult) -> None:
    refs = [
        action["ref"]
        for theme in regional.plan["themes"]
        for priority in theme["priorities"]
        for action in priority["actions"]
    ]
    assert refs == ["1", "2", "3", "4"]


def test_regional_action_fields(regional: ParseResult) -> None:
    alcohol = regional.plan["themes"][0]["priorities"][0]["actions"]
    campaign, licensing = alcohol
    assert campaign["title"] == "Commission a regional alcohol awareness campaign"
    assert campaign["leads"] == ["NRA"]
    assert (campaign["due_text"], campaign["due_end"]) == ("March 2010", "2010-03-31")
    assert campaign["outcome_measures"] == "Campaign reaches 50,000 adults"
    assert campaign["indicator_codes"] == ["NHSOF 1.1", "PHOF 2.18"]
    assert [(u["date"], u["text"]) for u in campaign["updates"]] == [
        ("2010-03-12", "campaign launched in four towns.")
    ]
    assert licensing["leads"] == ["NRA", "LGN"]
    assert licensing["due_precision"] == "financial_year"
    assert licensing["indicator_codes"] == ["PHOF 2.18"]
    charter = regional.plan["themes"][0]["priorities"][1]["actions"][0]
    assert charter["leads"] == ["AWM", "PCT"]
    assert (charter["to_be_agreed"], charter["due_end"]) == (True, None)
    assert [u["rag"] for u in charter["updates"]] == ["red"]
    falls = regional.plan["themes"][1]["priorities"][0]["actions"][0]
    assert falls["indicator_codes"] == ["ASCOF 2A(1)", "ASCOF 2B", "NHSOF 3b"]


def test_leftover_code_text_is_warned_about(regional: ParseResult) -> None:
    assert any(
        "not read as indicator codes: and the local licensing measure" in w
        for w in regional.warnings
    )


def test_glossary_table_and_acronyms_missing_from_it(regional: ParseResult) -> None:
    assert regional.plan["glossary"] == [
        {"term": "AWM", "meaning": "Advantage West Midlands"},
        {"term": "NRA", "meaning": "Northshire Regional Assembly"},
        {"term": "LGN", "meaning": "Local Government Northshire"},
    ]
    assert (
        "acronyms in leads or supporting organisations that the glossary does not define: PCT"
        in regional.warnings
    )


def test_body_text_after_an_indicators_list_is_not_an_indicator(
    tmp_path: Path, assert_valid: Validate
) -> None:
    document = docx.Document()
    document.add_paragraph("Healthy places plan", style="Title")
    document.add_heading("Healthy places", level=1)
    document.add_paragraph("Possible indicators:")
    document.add_paragraph("PHOF 1.16", style="List Bullet")
    document.add_paragraph("The table below sets out the actions agreed by partners.")
    table = document.add_table(rows=2, cols=2)
    texts = ["Action", "Lead", "Plant trees", "Parks"]
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells, texts, strict=True):
        cell.text = text
    path = tmp_path / "plan.docx"
    document.save(str(path))
    result = parse_plan(path)
    assert_valid(result.plan)
    assert result.plan["title"] == "Healthy places plan"
    (theme,) = result.plan["themes"]
    assert theme["title"] == "Healthy places"
    assert theme["indicators"] == ["PHOF 1.16"]
    assert theme["description"] == "The table below sets out the actions agreed by partners."
