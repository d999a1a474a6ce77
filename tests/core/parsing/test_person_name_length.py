"""A "Lead officer" / "Lead member" row whose value is longer than a name can be (found by
the fuzz test: a run of table words beside a "Lead" label) is a misread row, not a
key-value row, so the plan stays within the exchange format."""

from __future__ import annotations

from wellboard.core.limits import PERSON_NAME
from wellboard.core.parsing.headers import kv_pairs
from wellboard.core.parsing.table_model import Cell


def row(*texts: str) -> list[Cell]:
    return [Cell(paragraphs=(text,)) for text in texts]


def test_a_lead_longer_than_a_name_is_not_a_key_value_row() -> None:
    words = " ".join(["Priority"] * 30)
    assert len(words) > PERSON_NAME
    assert kv_pairs(row("Lead officer", words)) is None
    assert kv_pairs(row("Theme", "Staying well", "Lead member", words)) is None


def test_a_name_of_exactly_the_limit_is_kept() -> None:
    name = "A" * PERSON_NAME
    assert kv_pairs(row("Lead officer", name)) == [("lead_officer", name)]
    assert kv_pairs(row("Theme", "Staying well", "Lead member", f"  {name}\n")) == [
        ("theme", "Staying well"),
        ("lead_member", f"  {name}\n"),
    ]
