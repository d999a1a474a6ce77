"""A reference cell too long to be a reference (a misread column) never makes an invalid plan."""

from __future__ import annotations

from pathlib import Path

from wellboard.core.exchange.validate import validate
from wellboard.core.limits import REF_TEXT
from wellboard.core.parsing import parse_plan

LONG = "Priority Priority Progress to date"  # what the fuzz test found in a "No" column


def test_a_long_reference_cell_is_kept_in_the_text_and_the_action_numbered(tmp_path: Path) -> None:
    assert len(LONG) > REF_TEXT
    path = tmp_path / "plan.csv"
    path.write_text(f"No,Action,Lead\n{LONG},Open two walking groups,Vale Council\n")
    plan = parse_plan(path).plan
    action = plan["themes"][0]["priorities"][0]["actions"][0]
    assert action["ref"] and len(action["ref"]) <= REF_TEXT
    assert LONG in action["title"] + action["description"]
    validate(plan)
