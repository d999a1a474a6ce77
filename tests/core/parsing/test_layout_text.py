"""Text with its layout kept (columns aligned by spaces, as `pdftotext -layout` writes it)."""

from __future__ import annotations

from pathlib import Path

from wellboard.core.parsing import parse_plan

LAYOUT = """\
Starting well delivery plan

Theme 1: Best start in life

Priority                 Action                                 Lead              By
                                                                officer           when

Breastfeeding rates      Train peer supporters in every         Jo Bloggs,        Mar-15
rise                     children's centre so that mothers      health visiting
                         get help in the first week             lead

                         Publish a map of breastfeeding         Sam Patel         Sep-15
                         friendly venues

Healthy weight           \u2022 Expand the family lifestyle club   Lee Chan          2015/16
                         \u2022 Run cook and eat sessions


This closing paragraph is ordinary prose that runs across the whole width of the page, no table.
"""

NO_GAPS = """\
Our plan

Action                              Lead                 By when
Open two new walking groups in      Active Partnership   Jun-15
  every district
Train twenty health champions       Public Health        Dec-15
"""


def test_columns_are_found_from_the_header_row(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(LAYOUT, encoding="utf-8")
    result = parse_plan(path)
    (theme,) = result.plan["themes"]
    assert theme["title"] == "Best start in life"
    assert [p["title"] for p in theme["priorities"]] == [
        "Breastfeeding rates rise",
        "Healthy weight",
    ]
    first, second = theme["priorities"][0]["actions"]
    assert first["title"] == (
        "Train peer supporters in every children's centre so that mothers get help in the "
        "first week"
    )
    assert first["lead_officer"] == "Jo Bloggs, health visiting lead"
    assert (first["due_text"], first["due_end"]) == ("Mar-15", "2015-03-31")
    assert (second["title"], second["due_text"]) == (
        "Publish a map of breastfeeding friendly venues",
        "Sep-15",
    )
    bullets = theme["priorities"][1]["actions"]
    assert [a["title"] for a in bullets] == [
        "Expand the family lifestyle club",
        "Run cook and eat sessions",
    ]
    assert {a["due_precision"] for a in bullets} == {"financial_year"}
    assert "closing paragraph" not in str(result.plan["themes"])


def test_rows_without_blank_lines_between_them(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(NO_GAPS, encoding="utf-8")
    actions = parse_plan(path).plan["themes"][0]["priorities"][0]["actions"]
    assert [(a["title"], a["leads"], a["due_text"]) for a in actions] == [
        ("Open two new walking groups in every district", ["Active Partnership"], "Jun-15"),
        ("Train twenty health champions", ["Public Health"], "Dec-15"),
    ]
