"""Text and Markdown plans: pipe tables and tab-separated text exports with stray HTML."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.core.parsing.fixtures.table_builders import build_pipe_table, build_tab_text
from wellboard.core.parsing import ParseResult, parse_plan
from wellboard.core.parsing.table_model import Paragraph, Table
from wellboard.core.parsing.text_reader import parse_lines

Validate = Callable[[dict[str, Any]], None]


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> ParseResult:
    return parse_plan(build_tab_text(tmp_path_factory.mktemp("tab")))


def test_pipe_table_plan(tmp_path: Path, assert_valid: Validate) -> None:
    result = parse_plan(build_pipe_table(tmp_path))
    assert_valid(result.plan)
    assert result.plan["title"] == "Westbrook Health and Wellbeing Action Plan"
    (theme,) = result.plan["themes"]
    wellbeing, falls = theme["priorities"]
    assert [a["ref"] for a in wellbeing["actions"]] == ["A1", "A2"]
    first_aid, directory = wellbeing["actions"]
    assert first_aid["leads"] == ["Westbrook Council"]
    assert first_aid["indicator_codes"] == ["PHOF 2.23"]
    assert first_aid["outcome_measures"] == "PHOF 2.23 self-reported wellbeing"
    assert directory["due_text"] == "Summer 2016"
    classes = falls["actions"][0]
    assert classes["title"] == "Strength and balance classes (libraries | leisure centres)"
    assert classes["leads"] == ["Age UK Westbrook", "Libraries"]
    assert classes["indicator_codes"] == ["ASCOF 2B"]


def test_text_reader_groups_rows_into_tables_between_paragraphs() -> None:
    lines = ["# Title", "", "a\tb", "c\td", "", "Between", "| x | y |", "|---|---|", "| 1 | 2 |"]
    blocks = parse_lines(lines).blocks
    assert isinstance(blocks[0], Paragraph)
    assert blocks[0].heading_level == 1
    assert isinstance(blocks[1], Table)
    assert [[c.text for c in row] for row in blocks[1].rows] == [["a", "b"], ["c", "d"]]
    assert isinstance(blocks[2], Paragraph)
    assert blocks[2].text == "Between"
    assert isinstance(blocks[3], Table)
    assert [[c.text for c in row] for row in blocks[3].rows] == [["x", "y"], ["1", "2"]]


def test_tab_export_is_valid_with_its_title(export: ParseResult, assert_valid: Validate) -> None:
    assert_valid(export.plan)
    assert export.plan["title"] == "Southdale draft strategy priorities"
    assert export.warnings == []


def test_theme_rows_with_only_the_first_cell(export: ParseResult) -> None:
    assert [t["title"] for t in export.plan["themes"]] == ["Ageing well", "Starting well"]


def test_actions_before_any_priority_go_to_a_priority_named_after_the_theme(
    export: ParseResult,
) -> None:
    first = export.plan["themes"][0]["priorities"][0]
    assert first["title"] == "Ageing well"
    assert first["description"] == "Home safety checks & adaptations:"
    pathway, handy = first["actions"]
    assert pathway["title"] == "A single falls pathway agreed by all partners"
    assert handy["title"] == "Expand the handy person scheme to all wards"
    assert handy["boards"] == ["AWB", "Housing Board"]
    assert (handy["due_text"], handy["due_end"]) == ("by March 2017", "2017-03-31")


def test_a_row_without_action_text_continues_the_action_above(export: ParseResult) -> None:
    pathway = export.plan["themes"][0]["priorities"][0]["actions"][0]
    assert pathway["outcome_measures"] == (
        "Fewer falls admissions\nFalls admissions reported quarterly"
    )
    assert pathway["boards"] == ["AWB", "HWBB"]
    assert pathway["milestones"] == [
        {
            "title": "Falls admissions reported quarterly",
            "due_text": "Sep-16",
            "due_end": "2016-09-30",
            "done_on": None,
        }
    ]


def test_html_paragraphs_and_list_items_after_a_repeated_header(export: ParseResult) -> None:
    priority = export.plan["themes"][0]["priorities"][1]
    assert priority["title"] == "We will help people stay independent at home through:"
    assert priority["description"] == (
        "We will help people stay independent at home through:\nReablement\nTelecare"
    )
    assert [a["title"] for a in priority["actions"]] == [
        "Review reablement capacity",
        "Pilot telecare in two villages",
    ]
    for action in priority["actions"]:
        assert (action["due_text"], action["boards"]) == ("Dec-16", ["AWB"])


def test_sub_plan_and_as_above_in_the_export(export: ParseResult) -> None:
    winter = export.plan["themes"][0]["priorities"][2]
    assert (winter["title"], winter["sub_plan"], winter["actions"]) == (
        "We will reduce winter deaths",
        "Winter Warmth action plan",
        [],
    )
    parenting = export.plan["themes"][1]["priorities"][0]["actions"][0]
    assert parenting["outcome_measures"] == "Reablement capacity reviewed"
    assert parenting["ref"] == "2.1.1"


def test_a_priorities_table_without_actions(tmp_path: Path, assert_valid: Validate) -> None:
    path = tmp_path / "priorities.txt"
    path.write_text(
        "Priorities\tIndicators\n"
        "Improve wellbeing\tPHOF 2.23 self-reported wellbeing\n"
        "Reduce early deaths\tPHOF 4.04, 4.05\n",
        encoding="utf-8",
    )
    result = parse_plan(path)
    assert_valid(result.plan)
    (theme,) = result.plan["themes"]
    assert theme["title"] == "Plan"
    assert [(p["title"], p["description"], p["actions"]) for p in theme["priorities"]] == [
        ("Improve wellbeing", "Indicators: PHOF 2.23 self-reported wellbeing", []),
        ("Reduce early deaths", "Indicators: PHOF 4.04, 4.05", []),
    ]
    assert theme["indicators"] == ["PHOF 2.23", "PHOF 4.04", "PHOF 4.05"]


def test_theme_rows_under_a_no_column(tmp_path: Path) -> None:
    path = tmp_path / "numbered.txt"
    path.write_text(
        "No.\tAction\tLead\n"
        "Theme A: Healthy places\t\t\n"
        "1\tPlant 500 street trees\tParks\n"
        "2\tOpen two community gardens\tParks\n",
        encoding="utf-8",
    )
    (theme,) = parse_plan(path).plan["themes"]
    assert (theme["ref"], theme["title"]) == ("A", "Healthy places")
    assert [a["ref"] for a in theme["priorities"][0]["actions"]] == ["1", "2"]


def test_a_two_level_plan_with_several_actions_in_one_cell(tmp_path: Path) -> None:
    path = tmp_path / "two-level.md"
    path.write_text(
        "| Priority | Action | Lead | By when |\n"
        "|---|---|---|---|\n"
        "| Warm homes | - Insulate 300 homes<br>- Advise 500 households | Council | "
        "Mar 2017<br>Dec 2016 |\n",
        encoding="utf-8",
    )
    (theme,) = parse_plan(path).plan["themes"]
    actions = theme["priorities"][0]["actions"]
    assert [(a["ref"], a["title"], a["leads"], a["due_end"]) for a in actions] == [
        ("1.1.1", "Insulate 300 homes", ["Council"], "2017-03-31"),
        ("1.1.2", "Advise 500 households", ["Council"], "2016-12-31"),
    ]


def test_a_heading_longer_than_a_plan_title_is_kept_whole_in_the_summary(
    tmp_path: Path, assert_valid: Validate
) -> None:
    """Found by the fuzz test: a heading over the exchange format's 300 characters became
    the plan's title, and the whole document was refused."""
    heading = " ".join(f"Healthy places chapter {n} of the county plan" for n in range(12))
    path = tmp_path / "plan.txt"
    path.write_text(f"{heading}\n\nPriority\tAction\nStart well\tOpen two family hubs\n")
    plan = parse_plan(path).plan
    assert_valid(plan)
    assert len(heading) > 300 and plan["title"].startswith("Healthy places chapter 0")
    assert len(plan["title"]) <= 300 and plan["summary"] == heading


def test_a_due_cell_longer_than_a_due_wording_is_kept_in_the_description(
    tmp_path: Path, assert_valid: Validate
) -> None:
    """A "by when" cell holding a paragraph would be refused by the exchange format's
    300-character limit on due wording; its whole text moves to the description."""
    due = "By March 2026, " + " ".join(f"after the review number {n} of the hubs" for n in range(9))
    path = tmp_path / "plan.txt"
    path.write_text(f"Priority\tAction\tBy when\nStart well\tOpen two family hubs\t{due}\n")
    plan = parse_plan(path).plan
    assert_valid(plan)
    action = plan["themes"][0]["priorities"][0]["actions"][0]
    assert len(due) > 300 and len(action["due_text"]) <= 300
    assert action["due_text"].startswith("By March 2026")
    assert action["description"].endswith(due)
