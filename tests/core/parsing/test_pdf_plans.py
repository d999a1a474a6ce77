"""PDF plans drawn by WeasyPrint and read back: multi-page tables, wrapped and cut rows,
headings between tables, landscape pages, a table without rules, and a scan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.core.parsing.fixtures.pdf_builders import table_html, write_pdf
from wellboard.core.parsing import PlanImportError, parse_plan

HEADER = ["Priority", "Ref", "Action", "Lead", "By when"]
LONG = (
    "which is long enough to wrap over several lines of its cell, so that the reader has "
    "to join the lines back together into one paragraph before it names the action"
)


def actions(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for t in plan["themes"] for p in t["priorities"] for a in p["actions"]]


def rows(count: int, first: int = 1, per_priority: int = 10) -> list[list[str]]:
    out = []
    for number in range(first, first + count):
        priority = f"Improve outcomes group {number // per_priority + 1}"
        out.append(
            [
                priority if number % per_priority == 1 or number == first else "",
                f"A{number}",
                f"Action {number} {LONG}.",
                "Public Health\nDistrict councils" if number % 2 else "County Council",
                "Mar-15" if number % 3 else "2015/16",
            ]
        )
    return out


@pytest.fixture(scope="module")
def long_plan(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    body = (
        "<h1>Delivery plan 2015 to 2018</h1>"
        "<h2>Theme 1: Starting well</h2>"
        + table_html(HEADER, rows(40))
        + "<h2>Theme 2: Living well</h2>"
        + table_html(HEADER, rows(5, first=41))
    )
    path = write_pdf(tmp_path_factory.mktemp("pdf") / "plan.pdf", body, landscape=True)
    return parse_plan(path).plan


def test_a_table_over_several_pages_with_its_header_repeated(
    long_plan: dict[str, Any], assert_valid: Any
) -> None:
    assert_valid(long_plan)
    assert long_plan["title"] == "Delivery plan 2015 to 2018"
    assert [t["title"] for t in long_plan["themes"]] == ["Starting well", "Living well"]
    found = actions(long_plan)
    assert [a["ref"] for a in found] == [f"A{n}" for n in range(1, 46)]
    assert not any(a["title"].startswith("Action") and a["ref"] == "Ref" for a in found)


def test_wrapped_cells_are_one_paragraph(long_plan: dict[str, Any]) -> None:
    first = actions(long_plan)[0]
    assert first["title"] + " " + first["description"] != ""
    assert f"Action 1 {LONG}." in (first["description"] or first["title"])
    assert first["leads"] == ["Public Health", "District councils"]
    assert first["due_end"] == "2015-03-31"
    third = actions(long_plan)[2]
    assert third["due_precision"] == "financial_year"


def test_priorities_carry_on_across_pages(long_plan: dict[str, Any]) -> None:
    (theme, _) = long_plan["themes"]
    assert [p["title"] for p in theme["priorities"]] == [
        f"Improve outcomes group {n}" for n in range(1, 5)
    ] + ["Improve outcomes group 5"][: len(theme["priorities"]) - 4]
    assert sum(len(p["actions"]) for p in theme["priorities"]) == 40


def test_a_row_cut_by_the_page_break_is_joined(tmp_path: Path) -> None:
    tall = " ".join(
        f"then step {n} of the work with partners in the locality" for n in range(1, 40)
    )
    table_rows = rows(9)
    table_rows[8][2] = f"Action 9 begins here {tall} and the last step ends it."
    body = "<h1>Plan</h1><h2>Theme 1: Starting well</h2>" + table_html(HEADER, table_rows)
    plan = parse_plan(write_pdf(tmp_path / "cut.pdf", body, split_rows=True)).plan
    found = actions(plan)
    assert [a["ref"] for a in found] == [f"A{n}" for n in range(1, 10)]
    last = found[-1]
    text = f"{last['title']}\n{last['description']}"
    assert "then step 39 of the work" in text and "the last step ends it." in text
    assert last["due_end"] == "2015-03-31" or last["due_precision"] == "financial_year"


def test_headings_between_tables_give_theme_and_priority(tmp_path: Path) -> None:
    header = ["Action", "Lead", "By when"]
    body = (
        "<h1>Our plan</h1><h2>Theme 1: Best start in life</h2>"
        "<h3>Priority 1.1: More babies breastfed</h3>"
        + table_html(header, [["Train peer supporters", "Public Health", "Apr-14"]])
        + "<h3>Priority 1.2: Fewer children obese</h3>"
        + table_html(header, [["Expand the lifestyle club", "District councils", "Sep-14"]])
        + "<h2>Theme 2: Ageing well</h2>"
        + table_html(header, [["Falls service for every district", "CCG", "2015/16"]])
    )
    plan = parse_plan(write_pdf(tmp_path / "headings.pdf", body)).plan
    shape = [
        (t["title"], [(p["ref"], p["title"]) for p in t["priorities"]]) for t in plan["themes"]
    ]
    assert shape == [
        ("Best start in life", [("1.1", "More babies breastfed"), ("1.2", "Fewer children obese")]),
        ("Ageing well", [("2.1", "Ageing well")]),
    ]
    assert [a["title"] for a in actions(plan)] == [
        "Train peer supporters",
        "Expand the lifestyle club",
        "Falls service for every district",
    ]


def test_portrait_and_landscape_pages_in_one_plan(tmp_path: Path) -> None:
    body = (
        "<h1>Plan</h1><h2>Theme 1: Starting well</h2>"
        + table_html(HEADER, rows(3))
        + "<div class='turned'><h2>Theme 2: Living well</h2>"
        + table_html(HEADER, rows(3, first=4))
        + "</div>"
    )
    plan = parse_plan(write_pdf(tmp_path / "turned.pdf", body)).plan
    assert [t["title"] for t in plan["themes"]] == ["Starting well", "Living well"]
    assert [a["ref"] for a in actions(plan)] == [f"A{n}" for n in range(1, 7)]


def test_a_table_without_rules_is_read_from_its_layout(tmp_path: Path) -> None:
    style = "border:none;padding:2pt 14pt 8pt 0"
    header = "".join(f"<th style='{style}'>{h}</th>" for h in ("Action", "Lead", "By when"))
    body_rows = "".join(
        f"<tr><td style='{style}'>{a}</td><td style='{style}'>{lead}</td>"
        f"<td style='{style}'>{due}</td></tr>"
        for a, lead, due in [
            ("Open two new walking groups", "Active Partnership", "Jun-15"),
            ("Train twenty health champions", "Public Health", "Dec-15"),
        ]
    )
    body = (
        "<h1>Plan</h1><h2>Theme 1: Moving more</h2>"
        f"<table style='border:none'><thead><tr>{header}</tr></thead>{body_rows}</table>"
    )
    plan = parse_plan(write_pdf(tmp_path / "plain.pdf", body)).plan
    assert [(a["title"], a["leads"], a["due_text"]) for a in actions(plan)] == [
        ("Open two new walking groups", ["Active Partnership"], "Jun-15"),
        ("Train twenty health champions", ["Public Health"], "Dec-15"),
    ]
    assert plan["themes"][0]["title"] == "Moving more"


def test_a_scanned_pdf_gets_a_one_line_error(tmp_path: Path) -> None:
    body = "<div style='width:15cm;height:20cm;background:#ccc'></div>"
    path = write_pdf(tmp_path / "scan.pdf", body)
    with pytest.raises(PlanImportError, match="no text layer") as error:
        parse_plan(path)
    assert "\n" not in str(error.value)
    assert str(error.value).startswith("scan.pdf: this PDF has no text layer")


def test_a_pdf_with_text_but_no_plan_table(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "letter.pdf", "<p>Dear colleague, thank you for your letter.</p>")
    with pytest.raises(PlanImportError, match="no recognisable plan table"):
        parse_plan(path)


def test_a_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    with pytest.raises(PlanImportError, match="the PDF is damaged or not readable"):
        parse_plan(path)
