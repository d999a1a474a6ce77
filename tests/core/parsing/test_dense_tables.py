"""Dense regional tables in generated Word documents: one rule a test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from wellboard.core.parsing import ParseResult, parse_plan

HEADER = ["Ref", "Action", "Lead", "By when", "Governance", "Links to other strategies"]


def _fill(cell: Any, text: str, shade: str = "") -> None:
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)
    if shade:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:fill"), shade)
        cell._tc.get_or_add_tcPr().append(shd)


def _table(document: Any, rows: list[list[str]], shades: list[str] | None = None) -> None:
    table = document.add_table(rows=0, cols=len(rows[0]))
    for number, values in enumerate(rows):
        shade = shades[number] if shades else ""
        for cell, text in zip(table.add_row().cells, values, strict=True):
            _fill(cell, text, shade if number else "")


def _plan(
    tmp_path: Path,
    rows: list[list[str]],
    *,
    shades: list[str] | None = None,
    before: list[tuple[str, str]] = (),  # type: ignore[assignment]
    after: list[tuple[str, str]] = (),  # type: ignore[assignment]
    key: list[list[str]] | None = None,
    key_shades: list[str] | None = None,
) -> ParseResult:
    document = docx.Document()
    document.add_paragraph("Regional action plan", "Title")
    for style, text in before:
        _paragraph(document, style, text)
    _table(document, [HEADER, *rows], shades)
    for style, text in after:
        _paragraph(document, style, text)
    if key:
        table = document.add_table(rows=0, cols=2)
        for (colour_cell, role), shade in zip(key, key_shades or [], strict=True):
            cells = table.add_row().cells
            _fill(cells[0], colour_cell, shade)
            _fill(cells[1], role)
    path = tmp_path / "regional.docx"
    document.save(str(path))
    return parse_plan(path)


def _paragraph(document: Any, style: str, text: str) -> None:
    if style == "bold":
        document.add_paragraph().add_run(text).bold = True
    elif style.startswith("Heading"):
        document.add_heading(text, level=int(style[-1]))
    else:
        document.add_paragraph(text, style or None)


def actions(result: ParseResult) -> list[dict[str, Any]]:
    plan = result.plan
    return [a for t in plan["themes"] for p in t["priorities"] for a in p["actions"]]


def test_several_actions_in_a_cell_take_their_own_lead_groups(tmp_path: Path) -> None:
    row = [
        "4",
        "1. Map the carers' services\n2. Open a carers' hub\n3. Train GP receptionists",
        "1. Carers Trust, County Council\n2. County Council\n3. CCG",
        "Jun-15",
        "",
        "",
    ]
    found = actions(_plan(tmp_path, [row]))
    assert [(a["ref"], a["leads"]) for a in found] == [
        ("4a", ["Carers Trust", "County Council"]),
        ("4b", ["County Council"]),
        ("4c", ["CCG"]),
    ]


def test_actions_that_share_one_lead_cell_are_flagged(tmp_path: Path) -> None:
    row = [
        "5",
        "Map the services\nOpen a hub\nTrain receptionists",
        "County Council\nCCG",
        "",
        "",
        "",
    ]
    result = _plan(tmp_path, [row])
    assert [a["leads"] for a in actions(result)] == [["County Council", "CCG"]] * 3
    assert any("3 actions in one cell share the same leads" in w for w in result.warnings)


def test_a_lead_in_and_its_sub_points_are_one_action(tmp_path: Path) -> None:
    row = [
        "6",
        "Develop a falls prevention pathway including:\n"
        "\u2022 a single point of access\n\u2022 strength and balance classes",
        "CCG",
        "Mar-16",
        "",
        "",
    ]
    result = _plan(tmp_path, [row])
    (action,) = actions(result)
    assert action["title"] == "Develop a falls prevention pathway including:"
    assert "a single point of access" in action["description"]
    assert "strength and balance classes" in action["description"]
    assert result.plan["themes"][0]["priorities"][0]["description"] == ""


def test_people_and_job_titles_in_the_lead_column_are_lead_officers(tmp_path: Path) -> None:
    row = [
        "7",
        "Refresh the tobacco plan",
        "Public Health\nHealth policy officer\nJo Bloggs",
        "",
        "",
        "",
    ]
    (action,) = actions(_plan(tmp_path, [row]))
    assert action["leads"] == ["Public Health"]
    assert action["lead_officer"] == "Health policy officer, Jo Bloggs"


def test_as_above_ditto_and_see_a_ref_copy_the_value_they_point_to(tmp_path: Path) -> None:
    rows = [
        ["2.1", "Agree a dementia pathway", "CCG", "Sep-15", "Dementia Board", "Dementia Strategy"],
        ["2.2", "Train dementia friends", "As above", "Ditto", "As above", "As above"],
        ["2.3", "Open a memory cafe", "County Council", "Dec-15", "HWBB", "Carers Strategy"],
        ["2.4", "Review the memory service", "see 2.1", "see 2.1", "see 2.1", "see 2.1"],
    ]
    result = _plan(tmp_path, rows)
    found = {a["ref"]: a for a in actions(result)}
    for ref in ("2.2", "2.4"):
        action = found[ref]
        assert action["leads"] == ["CCG"]
        assert (action["due_text"], action["due_end"]) == ("Sep-15", "2015-09-30")
        assert action["boards"] == ["Dementia Board"]
        assert action["links"] == ["Dementia Strategy"]
    titles = {s["title"] for s in result.plan["other_strategies"]}
    assert titles == {"Dementia Strategy", "Carers Strategy"}


def test_the_chapter_owns_the_table_and_its_closing_indicators(tmp_path: Path) -> None:
    rows = [["1", "Open two walking groups", "Active Partnership", "Jun-15", "", ""]]
    result = _plan(
        tmp_path,
        rows,
        before=[("Heading 1", "Chapter 3: Healthy weight"), ("bold", "Key actions")],
        after=[
            ("bold", "Possible indicators for this chapter"),
            ("List Bullet", "PHOF 2.12 - Excess weight in adults"),
            ("List Bullet", "Local survey of physical activity"),
        ],
    )
    (theme,) = result.plan["themes"]
    assert (theme["ref"], theme["title"]) == ("3", "Healthy weight")
    assert theme["indicators"] == ["PHOF 2.12", "Local survey of physical activity"]
    assert "Key actions" in theme["description"]


def test_shaded_rows_take_the_role_their_colour_stands_for(tmp_path: Path) -> None:
    rows = [
        ["1", "Lobby for a minimum unit price", "HWBB", "", "", ""],
        ["2", "Review the alcohol service", "HWBB", "", "", ""],
        ["3", "Commission a recovery hub", "Public Health", "", "", ""],
        ["4", "Train community champions", "CVS", "", "", ""],
        ["5", "Watch the partners' figures", "CCG", "", "", ""],
    ]
    result = _plan(
        tmp_path,
        rows,
        shades=["", "7030A0", "00B050", "0070C0", "FF0000", "BFBFBF"],
        key=[
            ["", "Advocacy"],
            ["", "Scrutiny"],
            ["", "Direct action"],
            ["", "Capacity building"],
            ["", "Monitoring"],
        ],
        key_shades=["800080", "92D050", "00B0F0", "C00000", "A6A6A6"],
    )
    assert [a["role_type"] for a in actions(result)] == [
        "advocacy",
        "scrutiny",
        "direct",
        "capacity",
        "partner_monitoring",
    ]


def test_a_key_written_as_lines(tmp_path: Path) -> None:
    rows = [["1", "Lobby for a minimum unit price", "HWBB", "", "", ""]]
    result = _plan(
        tmp_path,
        rows,
        shades=["", "7030A0"],
        before=[("", "Key: purple - advocacy; green - scrutiny")],
    )
    assert [a["role_type"] for a in actions(result)] == ["advocacy"]
