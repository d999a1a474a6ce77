"""Uploads are read in a child process with memory and CPU limits (issue #12.6).

The limits here are deliberately low so that a small file shows what a large one would
do to a worker: the child runs out, the person gets one line, and this process (the web
or task worker) carries on and reads the next file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.core.parsing.fixtures.bombs import write_many_strings
from wellboard.core.sandbox import ProcessLimits, read_in_child

PLAN = "Priority,Action,Lead\nFewer falls,Run strength and balance classes,Council\n"


@pytest.fixture(scope="module")
def many_strings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Passes the archive check (no part is compressed suspiciously) but is costly to read."""
    return write_many_strings(tmp_path_factory.mktemp("strings") / "plan.xlsx", 200_000)


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.csv"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_a_plan_is_read_in_the_child_and_comes_back_as_a_document(tmp_path: Path) -> None:
    outcome = read_in_child(_plan(tmp_path), "falls.csv")
    assert outcome["kind"] == "plan"
    actions = [
        action["title"]
        for theme in outcome["document"]["themes"]
        for priority in theme["priorities"]
        for action in priority["actions"]
    ]
    assert actions == ["Run strength and balance classes"]


def test_a_file_needing_more_memory_than_allowed_is_refused_and_the_parent_survives(
    many_strings: Path, tmp_path: Path
) -> None:
    parent = os.getpid()
    outcome = read_in_child(many_strings, "plan.xlsx", limits=ProcessLimits(memory_mb=16))
    assert outcome == {
        "error_file": "plan.xlsx",
        "error": "the file is too large to read: reading it needs more than the 16 MB of "
        "memory an upload may use",
        "headers": [],
    }
    assert os.getpid() == parent
    assert read_in_child(_plan(tmp_path), "falls.csv")["kind"] == "plan"


def test_a_file_taking_longer_than_allowed_is_refused(many_strings: Path) -> None:
    outcome = read_in_child(many_strings, "plan.xlsx", limits=ProcessLimits(cpu_seconds=1))
    assert outcome["error"] == (
        "the file is too large to read: reading it takes longer than the 1 second an upload may use"
    )


def test_a_refused_file_comes_back_as_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    assert read_in_child(empty, "plan.docx") == {
        "error_file": "plan.docx",
        "error": "the file is empty",
        "headers": [],
    }


def test_an_unrecognised_table_offers_its_first_row(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Carried out by,Thing to do\nCouncil,Open hubs\n", encoding="utf-8")
    outcome = read_in_child(path, "odd.csv")
    assert "no recognisable plan table" in outcome["error"]
    assert outcome["headers"] == ["Carried out by", "Thing to do"]
