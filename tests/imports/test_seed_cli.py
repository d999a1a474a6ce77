"""`wellboard import SEED --dry-run --json` on seed 002, checked field by field.

The expected values are the ones the parsing core's own seed tests assert
(tests/core/parsing/test_seeds.py); here they are read from the command's output,
so the CLI is shown to pass the parsed plan through whole and in canonical form.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from wellboard.core.exchange import canonical, validate
from wellboard.core.parsing import parse_plan
from wellboard.strategy.models import Strategy

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
SEED = SEEDS / "002_886bbce432e6733f.txt"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.seeds,
    pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is not present"),
]


@pytest.fixture
def output() -> str:
    out = StringIO()
    call_command("import", str(SEED), "--dry-run", "--json", stdout=out)
    return out.getvalue()


def _actions(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for t in plan["themes"] for p in t["priorities"] for a in p["actions"]]


def _find(plan: dict[str, Any], start: str) -> dict[str, Any]:
    (action,) = [a for a in _actions(plan) if a["title"].startswith(start)]
    return action


def test_output_is_the_canonical_parsed_plan_and_nothing_is_written(output: str) -> None:
    assert output == canonical(parse_plan(SEED).plan)
    validate(json.loads(output))
    assert Strategy.objects.count() == 0


def test_themes_priorities_and_action_count(output: str) -> None:
    plan = json.loads(output)
    assert [t["title"] for t in plan["themes"]] == [
        "Getting it right from childhood",
        "Managing the shift to early intervention and prevention",
    ]
    assert [len(t["priorities"]) for t in plan["themes"]] == [5, 6]
    assert len(_actions(plan)) == 23


def test_due_wording_and_parsed_dates(output: str) -> None:
    plan = json.loads(output)
    first = _find(plan, "The Children's Centre programme")
    assert (first["due_text"], first["due_end"]) == ("Apr-14", "2014-04-30")
    maternity = _find(plan, "Social Marketing for Early Access")
    assert maternity["due_text"] == "To be delivered between April to June 2013"
    assert maternity["due_end"] == "2013-06-30"
    alcohol = _find(plan, "Reduce harm caused by drugs")
    assert (alcohol["due_text"], alcohol["due_end"]) == ("Sep-13", "2013-09-30")


def test_boards(output: str) -> None:
    plan = json.loads(output)
    assert _find(plan, "The Children's Centre programme")["boards"] == [
        "LPG",
        "CYPS",
        "CYPC Board",
        "HWBB",
    ]
    assert _find(plan, "Review progress on the delivery")["boards"] == [
        "CYPC Board",
        "Transition Board",
    ]


@pytest.mark.parametrize(("number", "priorities"), [("001", 10), ("004", 3)])
def test_prose_seeds_import_into_a_strategy(number: str, priorities: int) -> None:
    from tests.factories import PartnershipFactory
    from wellboard.strategy.models import Priority

    (path,) = SEEDS.glob(f"{number}_*.txt")
    partnership: Any = PartnershipFactory()
    call_command("import", str(path), "--partnership", str(partnership.pk), stdout=StringIO())
    strategy = Strategy.objects.get()
    assert Priority.objects.in_strategy(strategy).count() == priorities
