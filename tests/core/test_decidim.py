"""Decidim accountability results CSV: reading, the mapping rule, export and round trip."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wellboard.core.decidim import (
    DEFAULT_THEME,
    IMPORT_COLUMNS,
    is_decidim_header,
    looks_like_decidim,
    read_results_csv,
)
from wellboard.core.decidim_writing import write_import_csv, write_results_csv
from wellboard.core.exchange import validate
from wellboard.core.parsing import PlanImportError

HEADER = [
    "id",
    "category/id",
    "category/name/en",
    "scope/id",
    "parent/id",
    "title/en",
    "description/en",
    "start_date",
    "end_date",
    "status/name/en",
    "progress",
]
ROWS = [
    [
        "10",
        "3",
        "Health",
        "",
        "",
        "Active travel to school",
        "<p>Walk &amp; cycle</p>",
        "",
        "",
        "",
        "55",
    ],
    [
        "11",
        "3",
        "Health",
        "",
        "10",
        "Map safe routes",
        "",
        "2025-04-01",
        "2025-09-30",
        "Completed",
        "100",
    ],
    ["12", "3", "Health", "", "10", "Bike hire for Year 7", "", "", "2026-03-31", "Delayed", "10"],
    [
        "20",
        "",
        "",
        "",
        "",
        "Warm homes grants",
        "",
        "2025-10-01",
        "2026-03-31",
        "In progress",
        "40",
    ],
    ["30", "", "", "", "", "Healthy workplaces charter", "", "", "", "", ""],
]


def _write(
    tmp_path: Path, header: list[str], rows: list[list[str]], name: str = "results.csv"
) -> Path:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _priorities(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for t in plan["themes"] for p in t["priorities"]]


def test_top_level_results_are_priorities_and_children_actions(tmp_path: Path) -> None:
    result = read_results_csv(_write(tmp_path, HEADER, ROWS))
    validate(result.plan)
    assert [t["title"] for t in result.plan["themes"]] == [DEFAULT_THEME]
    priorities = _priorities(result.plan)
    assert [p["title"] for p in priorities] == [
        "Active travel to school",
        "Warm homes grants",
        "Healthy workplaces charter",
    ]
    assert priorities[0]["description"] == "Walk & cycle"
    routes, bikes = priorities[0]["actions"]
    assert (routes["title"], routes["due_start"], routes["due_end"]) == (
        "Map safe routes",
        "2025-04-01",
        "2025-09-30",
    )
    assert routes["due_text"] == "2025-04-01 to 2025-09-30"
    assert routes["percent_complete"] == 100
    assert routes["updates"][0]["rag"] == "complete"
    assert bikes["updates"][0]["rag"] == "amber"
    assert bikes["due_precision"] == "day"


def test_a_childless_result_is_a_priority_with_no_actions(tmp_path: Path) -> None:
    priorities = _priorities(read_results_csv(_write(tmp_path, HEADER, ROWS)).plan)
    grants = priorities[1]
    assert grants["title"] == "Warm homes grants"
    assert grants["actions"] == []
    assert "40% complete" in grants["description"]  # its progress is noted, not lost
    assert priorities[2]["actions"] == []


def test_category_and_scope_columns_are_ignored_with_a_warning(tmp_path: Path) -> None:
    warnings = read_results_csv(_write(tmp_path, HEADER, ROWS)).warnings
    ignored = [w for w in warnings if "ignored" in w and "category/id" in w]
    assert ignored and "scope/id" in ignored[0]


@pytest.mark.parametrize("title_column", ["title", "title/en", "title/ca"])
def test_plain_and_translated_title_columns_are_both_read(
    tmp_path: Path, title_column: str
) -> None:
    header = ["id", "parent/id", title_column, "progress"]
    path = _write(tmp_path, header, [["1", "", "Parent", ""], ["2", "1", "Child", "30"]])
    priorities = _priorities(read_results_csv(path).plan)
    assert priorities[0]["actions"][0]["title"] == "Child"
    assert priorities[0]["actions"][0]["percent_complete"] == 30


def test_bad_values_are_warned_and_dropped_not_fatal(tmp_path: Path) -> None:
    header = ["id", "parent/id", "title", "end_date", "status", "progress"]
    rows = [
        ["1", "", "Parent", "", "", ""],
        ["2", "1", "Child", "31st of March", "Paused by the council", "140"],
        ["3", "99", "Orphan", "", "", ""],
    ]
    result = read_results_csv(_write(tmp_path, header, rows))
    text = " | ".join(result.warnings)
    assert "31st of March" in text
    assert "'140'" in text
    assert "Paused by the council" in text
    assert "parent 99 is not in the file" in text
    child = _priorities(result.plan)[0]["actions"][0]
    assert child["due_end"] is None and child["percent_complete"] is None
    assert child["updates"][0]["rag"] is None


def test_header_detection() -> None:
    assert is_decidim_header(["ID", "parent/id", "title/en"])
    assert not is_decidim_header(["id", "title", "progress"])
    assert not is_decidim_header(["Priority", "Action", "Lead"])


def test_detection_reads_only_the_header_line(tmp_path: Path) -> None:
    assert looks_like_decidim(_write(tmp_path, HEADER, ROWS))
    plan = _write(tmp_path, ["Priority", "Action", "Lead"], [["A", "B", "C"]], "plan.csv")
    assert not looks_like_decidim(plan)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"id,parent/id,title\n", "no results"),
        (b"Priority,Action\nA,B\n", "not a Decidim results export"),
    ],
)
def test_unreadable_files_raise_the_importers_error(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "results.csv"
    path.write_bytes(content)
    with pytest.raises(PlanImportError) as caught:
        read_results_csv(path)
    assert reason in str(caught.value)
    assert str(caught.value).startswith("results.csv: ")


def _shape(plan: dict[str, Any]) -> list[Any]:
    """What a round trip must keep: priorities, actions, dates, status and progress."""
    out = []
    for priority in _priorities(plan):
        actions = [
            (
                a["title"],
                a.get("due_start"),
                a.get("due_end"),
                a.get("percent_complete"),
                next((u["rag"] for u in reversed(a.get("updates", [])) if u.get("rag")), None),
            )
            for a in priority["actions"]
        ]
        out.append((priority["title"], actions))
    return out


def test_export_then_import_gives_the_same_structure(tmp_path: Path) -> None:
    first = read_results_csv(_write(tmp_path, HEADER, ROWS)).plan
    path = tmp_path / "again.csv"
    path.write_text(write_results_csv(first), encoding="utf-8")
    again = read_results_csv(path)
    assert _shape(again.plan) == _shape(first)
    assert again.warnings == []


def test_parent_rows_carry_the_mean_progress_of_their_actions(tmp_path: Path) -> None:
    plan = read_results_csv(_write(tmp_path, HEADER, ROWS)).plan
    rows = list(csv.DictReader(io.StringIO(write_results_csv(plan))))
    parent = next(r for r in rows if r["title/en"] == "Active travel to school")
    assert parent["progress"] == str(round((100 + 10) / 2))
    assert parent["parent/id"] == ""


_title = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip() == s and s != "")
_rag = st.sampled_from(["red", "amber", "green", "complete", "not_started", None])
_day = st.dates().map(lambda d: d.isoformat())
_action = st.fixed_dictionaries(
    {
        "title": _title,
        "due_end": st.one_of(st.none(), _day),
        "percent_complete": st.one_of(st.none(), st.integers(0, 100)),
        "rag": _rag,
    }
)
_priority = st.fixed_dictionaries(
    {"title": _title, "actions": st.lists(_action, min_size=1, max_size=3)}
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(priorities=st.lists(_priority, min_size=1, max_size=4))
def test_round_trip_property(tmp_path: Path, priorities: list[dict[str, Any]]) -> None:
    document = {
        "format": "wellboard-plan",
        "version": 1,
        "title": "Generated",
        "themes": [
            {
                "title": DEFAULT_THEME,
                "priorities": [
                    {
                        "title": p["title"],
                        "actions": [
                            {
                                "title": a["title"],
                                "due_end": a["due_end"],
                                "percent_complete": a["percent_complete"],
                                "updates": [{"text": "x", "rag": a["rag"]}] if a["rag"] else [],
                            }
                            for a in p["actions"]
                        ],
                    }
                    for p in priorities
                ],
            }
        ],
    }
    path = tmp_path / "prop.csv"
    path.write_text(write_results_csv(document), encoding="utf-8")
    again = read_results_csv(path).plan
    expected = [
        (
            p["title"],
            [(a["title"], a["due_end"], a["percent_complete"], a["rag"]) for a in p["actions"]],
        )
        for p in priorities
    ]
    got = [
        (title, [(t, end, pc, rag) for t, _start, end, pc, rag in actions])
        for title, actions in _shape(again)
    ]
    assert got == expected


# Decidim's import layout ---------------------------------------------------------------------

IMPORT_HEADER = [
    "result_id", "decidim_category_id", "decidim_scope_id", "parent_id", "external_id",
    "parent_external_id", "start_date", "end_date", "decidim_accountability_status_id",
    "progress", "proposal_ids", "title_en", "description_en", "title_ca",
]  # fmt: skip
IMPORT_ROWS = [
    ["1", "4", "", "", "P1", "", "", "", "", "", "", "Active travel", "<p>Walk</p>", "Viatge"],
    ["2", "", "", "1", "A1", "", "01/04/2025", "30/09/2025", "3", "100", "7;9", "Map routes",
     "", ""],
    ["", "", "", "", "A2", "P1", "2025-10-01", "2026-03-31", "", "10", "", "Lend bikes", "", ""],
    ["", "", "", "", "P2", "", "01/01/2026", "", "2", "40", "", "Warm homes grants", "", ""],
]  # fmt: skip


def test_the_import_layout_is_read_with_parents_by_id_or_external_id(tmp_path: Path) -> None:
    result = read_results_csv(_write(tmp_path, IMPORT_HEADER, IMPORT_ROWS))
    validate(result.plan)
    travel, grants = _priorities(result.plan)
    assert (travel["title"], travel["description"]) == ("Active travel", "Walk")
    routes, bikes = travel["actions"]
    assert (routes["title"], routes["due_start"], routes["due_end"]) == (
        "Map routes",
        "2025-04-01",
        "2025-09-30",
    )
    assert routes["percent_complete"] == 100
    assert (bikes["title"], bikes["due_end"], bikes["percent_complete"]) == (
        "Lend bikes",
        "2026-03-31",
        10,
    )
    # A top-level result with no children: a priority with no actions.
    assert (grants["title"], grants["actions"]) == ("Warm homes grants", [])
    assert "40% complete" in grants["description"]
    text = " | ".join(result.warnings)
    assert "decidim_category_id" in text and "proposal_ids" in text and "status ids" in text


def test_the_import_layout_round_trips(tmp_path: Path) -> None:
    first = read_results_csv(_write(tmp_path, HEADER, ROWS)).plan
    written = write_import_csv(first)
    rows = list(csv.DictReader(io.StringIO(written)))
    assert list(rows[0]) == list(IMPORT_COLUMNS)
    child = next(r for r in rows if r["title_en"] == "Map safe routes")
    parent = next(r for r in rows if r["external_id"] == child["parent_external_id"])
    assert parent["title_en"] == "Active travel to school" and parent["parent_external_id"] == ""
    path = tmp_path / "import.csv"
    path.write_text(written, encoding="utf-8")
    again = read_results_csv(path)
    assert again.warnings == []
    assert [(t, [a[:4] for a in actions]) for t, actions in _shape(again.plan)] == [
        (t, [a[:4] for a in actions]) for t, actions in _shape(first)
    ]
