"""Excel and CSV plans, field by field."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.core.parsing.fixtures.table_builders import CSV_ROWS, build_csv, build_xlsx
from wellboard.core.parsing import ParseResult, parse_plan
from wellboard.core.parsing.checked import decode_text

Validate = Callable[[dict[str, Any]], None]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> ParseResult:
    return parse_plan(build_xlsx(tmp_path_factory.mktemp("xlsx")))


def test_workbook_plan(workbook: ParseResult, assert_valid: Validate) -> None:
    assert_valid(workbook.plan)
    assert workbook.plan["title"] == "Eastvale Health and Wellbeing Action Plan 2016-17"
    themes = workbook.plan["themes"]
    assert [t["title"] for t in themes] == ["Healthy minds", "Healthy homes"]
    assert [p["title"] for p in themes[0]["priorities"]] == [
        "Reduce loneliness",
        "Improve crisis care",
    ]
    # A repeated priority cell (no merge) continues the same priority.
    assert len(themes[0]["priorities"][0]["actions"]) == 2


def test_workbook_action_fields(workbook: ParseResult) -> None:
    befriending, mapping = workbook.plan["themes"][0]["priorities"][0]["actions"]
    assert befriending["leads"] == ["Eastvale Council"]
    assert befriending["supporting"] == ["Age Concern Eastvale", "Volunteer Centre"]
    assert (befriending["due_text"], befriending["due_end"], befriending["due_precision"]) == (
        "31 December 2016",
        "2016-12-31",
        "day",
    )
    assert befriending["indicator_codes"] == ["ASCOF 1I"]
    assert [u["rag"] for u in befriending["updates"]] == ["green"]
    assert befriending["percent_complete"] == 50
    assert mapping["indicator_codes"] == ["ASCOF 1I", "ASCOF 3D"]
    assert (mapping["due_start"], mapping["due_end"]) == ("2017-01-01", "2017-03-31")
    assert mapping["percent_complete"] == 25
    warm = workbook.plan["themes"][1]["priorities"][0]["actions"][0]
    assert [u["rag"] for u in warm["updates"]] == ["not_started"]
    assert warm["percent_complete"] is None


def test_a_sheet_without_a_plan_table_is_skipped_with_a_warning(workbook: ParseResult) -> None:
    assert workbook.warnings == ["sheet 'Notes' has no recognisable header row: 2 row(s) skipped"]


def test_sheet_names_title_themes_of_a_two_level_workbook(
    tmp_path: Path, assert_valid: Validate
) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Start well"
    first.append(["Priority", "Action", "Lead"])
    first.append(["School readiness", "Home learning sessions", "Council"])
    second = book.create_sheet("Age well")
    second.append(["Priority", "Action", "Lead"])
    second.append(["Falls", "Strength and balance classes", "Leisure Trust"])
    path = tmp_path / "two-sheets.xlsx"
    book.save(str(path))
    result = parse_plan(path)
    assert_valid(result.plan)
    assert [t["title"] for t in result.plan["themes"]] == ["Start well", "Age well"]
    assert result.plan["title"] == "two-sheets"


def test_a_crafted_dimension_does_not_make_the_reader_pad_rows(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Action", "Lead"])
    sheet.append(["Do it", "Us"])
    sheet["XFD1048576"] = None  # no value: the stored dimension stays small
    path = tmp_path / "plan.xlsx"
    book.save(str(path))
    result = parse_plan(path)
    assert [a["title"] for a in result.plan["themes"][0]["priorities"][0]["actions"]] == ["Do it"]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ","), ("utf-8", ";"), ("cp1252", ";"), ("cp1252", "\t"), ("utf-8", "|")],
)
def test_csv_plans_in_the_encodings_and_delimiters_excel_writes(
    tmp_path: Path, encoding: str, delimiter: str, assert_valid: Validate
) -> None:
    result = parse_plan(build_csv(tmp_path, encoding=encoding, delimiter=delimiter))
    assert_valid(result.plan)
    plan = result.plan
    assert plan["title"] == "Westfield action plan 2016-17"
    (theme,) = plan["themes"]
    assert theme["title"] == "Plan"
    obesity, air = theme["priorities"]
    assert obesity["title"] == "Reduce obesity"
    pilot, catering = obesity["actions"]
    assert pilot["title"] == CSV_ROWS[1][1]
    assert pilot["outcome_measures"] == "150 families complete the programme (\u00a320k budget)"
    assert (pilot["due_text"], pilot["due_end"]) == ("Mar-17", "2017-03-31")
    assert catering["indicator_codes"] == ["PHOF 2.12"]
    assert air["actions"][0]["ongoing"] is True


def test_csv_cells_with_line_breaks_keep_their_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        'Action,Lead,By when\n"Recruit supporters\nOpen cafes","Trust\nCouncil","Sep-15\nDec-15"\n',
        encoding="utf-8",
    )
    actions = parse_plan(path).plan["themes"][0]["priorities"][0]["actions"]
    assert [(a["title"], a["leads"], a["due_end"]) for a in actions] == [
        ("Recruit supporters", ["Trust"], "2015-09-30"),
        ("Open cafes", ["Council"], "2015-12-31"),
    ]


def test_decode_text_falls_back_to_windows_1252() -> None:
    assert decode_text("\u00a3 \u2013".encode("cp1252")) == "\u00a3 \u2013"
    assert decode_text("\ufeffAction".encode()) == "Action"


def test_column_map_reads_an_unknown_header(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Action,Who's doing it,By when\nOpen cafes,Trust,May 2016\n", encoding="utf-8")
    unmapped = parse_plan(path)
    assert unmapped.unmapped_headers == ["Who's doing it"]
    assert unmapped.plan["themes"][0]["priorities"][0]["actions"][0]["leads"] == []
    mapped = parse_plan(path, column_map={"Who's doing it": "lead"})
    assert mapped.unmapped_headers == []
    assert mapped.plan["themes"][0]["priorities"][0]["actions"][0]["leads"] == ["Trust"]
