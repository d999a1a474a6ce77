"""Strategies written as prose (generated Word documents): no plan table, but headings
and numbered lists naming themes, priorities and objectives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest

from wellboard.core.parsing import PlanImportError, parse_plan


def _document(tmp_path: Path, lines: list[tuple[str, str]]) -> Path:
    document = docx.Document()
    document.add_paragraph("Riverside Joint Health and Wellbeing Strategy 2016-2021", "Title")
    for style, text in lines:
        if style.startswith("Heading"):
            document.add_heading(text, level=int(style[-1]))
        else:
            document.add_paragraph(text, style or None)
    path = tmp_path / "strategy.docx"
    document.save(str(path))
    return path


def test_priorities_objectives_and_what_will_be_done(tmp_path: Path, assert_valid: Any) -> None:
    path = _document(
        tmp_path,
        [
            ("", "This strategy sets out how partners will work together."),
            ("Heading 1", "Theme 1: Starting well"),
            ("Heading 2", "Priority 1: Every child ready for school"),
            ("", "Children who start school ready to learn do better all their lives."),
            ("", "Objective 1.1 Raise the take-up of funded childcare for two-year-olds"),
            ("", "Objective 1.2 Train every nursery in speech and language support"),
            ("Heading 2", "Priority 2: Fewer children living in poverty"),
            ("", "We will:"),
            ("List Bullet", "Offer debt advice in every children's centre"),
            ("List Bullet", "Make free school meals automatic"),
            ("Heading 1", "Theme 2: Ageing well"),
            ("", "Our focus will be falls, loneliness, and dementia."),
        ],
    )
    result = parse_plan(path)
    assert_valid(result.plan)
    starting, ageing = result.plan["themes"]
    assert (starting["ref"], starting["title"]) == ("1", "Starting well")
    ready, poverty = starting["priorities"]
    assert (ready["ref"], ready["title"]) == ("1", "Every child ready for school")
    assert [(a["ref"], a["title"]) for a in ready["actions"]] == [
        ("1.1", "Raise the take-up of funded childcare for two-year-olds"),
        ("1.2", "Train every nursery in speech and language support"),
    ]
    assert [a["title"] for a in poverty["actions"]] == [
        "Offer debt advice in every children's centre",
        "Make free school meals automatic",
    ]
    assert [p["title"] for p in ageing["priorities"]] == ["Falls", "Loneliness", "Dementia"]
    summary = result.warnings[0]
    assert "2 theme(s), 5 priorities and 4 action(s)" in summary
    assert "no lead organisations, lead officers, due dates or measures" in summary


def test_objectives_without_priorities_are_priorities(tmp_path: Path) -> None:
    path = _document(
        tmp_path,
        [
            ("", "Objective 1 Reduce smoking in pregnancy"),
            ("", "Objective 2 Increase physical activity in adults"),
        ],
    )
    (theme,) = parse_plan(path).plan["themes"]
    assert [p["title"] for p in theme["priorities"]] == [
        "Reduce smoking in pregnancy",
        "Increase physical activity in adults",
    ]


def test_a_list_of_priority_areas_beside_recommendations(tmp_path: Path) -> None:
    path = _document(
        tmp_path,
        [
            ("", "Our assessment of need identifies two priority areas:"),
            ("List Number", "Healthier lifestyles"),
            ("List Number", "Better mental health"),
            ("Heading 1", "Recommendations"),
            ("List Number", "That the Board approves the strategy"),
            ("List Number", "That the Board consults the public"),
        ],
    )
    result = parse_plan(path)
    (theme,) = result.plan["themes"]
    assert [p["title"] for p in theme["priorities"]] == [
        "Healthier lifestyles",
        "Better mental health",
    ]
    assert any("'Recommendations' was not read as priorities" in w for w in result.warnings)


def test_a_letter_with_no_priorities_is_still_refused(tmp_path: Path) -> None:
    path = _document(tmp_path, [("", "Dear colleague, thank you for the report.")])
    with pytest.raises(PlanImportError, match="no recognisable plan table"):
        parse_plan(path)
