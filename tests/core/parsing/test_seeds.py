"""The real documents in ../shared/seeds (not shipped): skipped where the folder is absent.

Seed 002 is a text export of a county's draft strategy priorities table. Seeds
001 and 004 are reports about a strategy with no action table: they are read as
prose strategies, their chapters and focus areas (001) and their numbered
priority areas (004) becoming themes and priorities, while their other numbered
lists (purposes, recommendations to the board) are left out and named in a warning.
"""

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wellboard.core.parsing import ParseResult, parse_plan

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present"),
]
Validate = Callable[[dict[str, Any]], None]


def seed(number: str) -> Path:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path


@pytest.fixture(scope="module")
def priorities() -> ParseResult:
    return parse_plan(seed("002"))


def all_actions(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for t in plan["themes"] for p in t["priorities"] for a in p["actions"]]


def find(plan: dict[str, Any], start: str) -> dict[str, Any]:
    (action,) = [a for a in all_actions(plan) if a["title"].startswith(start)]
    return action


def test_seed_002_is_valid_without_warnings(
    priorities: ParseResult, assert_valid: Validate
) -> None:
    assert_valid(priorities.plan)
    assert priorities.warnings == []
    assert priorities.unmapped_headers == []
    assert priorities.plan["title"] == "Draft Joint Health and Wellbeing Strategy priorities"


def test_seed_002_themes_priorities_and_actions(priorities: ParseResult) -> None:
    themes = priorities.plan["themes"]
    assert [t["title"] for t in themes] == [
        "Getting it right from childhood",
        "Managing the shift to early intervention and prevention",
    ]
    assert [len(t["priorities"]) for t in themes] == [5, 6]
    assert [len(p["actions"]) for t in themes for p in t["priorities"]] == [
        3, 4, 7, 2, 2, 1, 3, 1, 0, 0, 0
    ]  # fmt: skip
    assert len(all_actions(priorities.plan)) == 23


def test_seed_002_priorities_deferred_to_the_staying_healthy_plan(priorities: ParseResult) -> None:
    deferred = [
        p["title"][:40]
        for t in priorities.plan["themes"]
        for p in t["priorities"]
        if p["sub_plan"] == "Staying Healthy action plan"
    ]
    assert deferred == [
        "We will improve sexual health services f",
        "We will further reduce smoking prevalenc",
        "We will reduce the number of people who ",
    ]
    assert priorities.plan["plans"] == [
        {"title": "Staying Healthy action plan", "kind": "sub_plan", "period": "", "themes": []}
    ]


def test_seed_002_due_dates(priorities: ParseResult) -> None:
    plan = priorities.plan
    first = find(plan, "The Children's Centre programme")
    assert (first["due_text"], first["due_start"], first["due_end"]) == (
        "Apr-14",
        "2014-04-01",
        "2014-04-30",
    )
    nursing = find(plan, "From April 2013 public health nursing")
    assert (nursing["due_text"], nursing["due_end"]) == ("Apr-13", "2013-04-30")
    maternity = find(plan, "Social Marketing for Early Access")
    assert maternity["due_text"] == "To be delivered between April to June 2013"
    assert (maternity["due_start"], maternity["due_end"]) == ("2013-04-01", "2013-06-30")
    alcohol = find(plan, "Reduce harm caused by drugs")
    assert (alcohol["due_text"], alcohol["due_end"]) == ("Sep-13", "2013-09-30")
    food = [a for a in all_actions(plan) if a["title"].startswith("Food for life partnership")]
    assert [a["due_text"] for a in food] == ["Sept 2013 (Academic year)"] * 2
    assert {a["due_precision"] for a in food} == {"academic_year"}


def test_seed_002_boards(priorities: ParseResult) -> None:
    plan = priorities.plan
    assert find(plan, "The Children's Centre programme")["boards"] == [
        "LPG",
        "CYPS",
        "CYPC Board",
        "HWBB",
    ]
    assert find(plan, "Reduce harm caused by drugs")["boards"] == [
        "HWBB",
        "Staying Healthy",
        "Substance Misuse Evaluation framework",
    ]
    assert find(plan, "Review progress on the delivery")["boards"] == [
        "CYPC Board",
        "Transition Board",
    ]


def test_seed_002_continuation_row_and_introduction(priorities: ParseResult) -> None:
    plan = priorities.plan
    first = find(plan, "The Children's Centre programme")
    measures = first["outcome_measures"].split("\n")
    assert len(measures) == 2
    assert measures[1].startswith("Increased rates of breastfeeding")
    opening = plan["themes"][0]["priorities"][0]
    assert opening["title"] == "Getting it right from childhood"
    assert opening["description"].startswith("Healthy Weight interventions/Promoting")
    assert opening["description"].endswith(":")
    assert opening["actions"][2]["title"].startswith("Expansion of Family Lifestyle Club")


def test_seed_002_has_no_html_left(priorities: ParseResult) -> None:
    tag = re.compile(r"</?[a-z]+[ >]|&amp;|&lt;")

    def strings(value: Any) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    assert [s for s in strings(priorities.plan) if tag.search(s)] == []


def test_seed_001_chapters_and_focus_areas(assert_valid: Validate) -> None:
    result = parse_plan(seed("001"))
    assert_valid(result.plan)
    themes = result.plan["themes"]
    assert [(t["ref"], len(t["priorities"])) for t in themes] == [
        ("1", 3),
        ("2", 4),
        ("3", 3),
        ("4", 0),
    ]
    assert themes[0]["priorities"][0]["title"] == "Falls and Housing Environment"
    assert all(not p["actions"] for t in themes for p in t["priorities"])
    assert result.warnings[0].startswith("no plan table, so read as a prose strategy: 4 theme(s)")
    assert any("Purpose of the document" in w for w in result.warnings)


def test_seed_004_priority_areas_but_not_its_recommendations(assert_valid: Validate) -> None:
    result = parse_plan(seed("004"))
    assert_valid(result.plan)
    (theme,) = result.plan["themes"]
    assert len(theme["priorities"]) == 3
    titles = " ".join(p["title"] for p in theme["priorities"])
    assert "Board" not in titles and "consultation" not in titles
    assert any("'Recommendations' was not read as priorities" in w for w in result.warnings)
