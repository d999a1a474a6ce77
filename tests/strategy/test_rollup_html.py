"""The roll-up drawn in Python (strategy/rollup_html.py) is the markup of the `rollup`
macro it replaced (kept in tests/strategy/macro_rollup.py)."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.strategy.macro_rollup import old_rollup
from wellboard.core.delivery import StatusCounts
from wellboard.strategy.presenters import bar
from wellboard.strategy.rollup_html import rollup

CASES = [
    ({}, 0),
    ({"green": 1}, 0),
    ({"green": 1}, 1),
    ({"complete": 126, "green": 95, "amber": 31, "red": 8, "not_started": 38, "overdue": 102}, 93),
    ({"amber": 1, "red": 2}, 0),  # thirds: rounded as the macro's round filter rounds
    ({"green": 1, "amber": 7}, 2),  # 12.5 and 87.5: halves round to even
    ({"overdue": 3, "complete": 0}, 3),
]


@pytest.mark.parametrize(("counts", "stale"), CASES)
@pytest.mark.parametrize("label", ["Whole plan", 'Start well & "<b>" (1)'])
def test_the_python_rollup_is_the_macros_markup(
    counts: dict[str, int], stale: int, label: str
) -> None:
    found = StatusCounts(Counter(counts), stale)
    expected = str(old_rollup()(bar(found), found, label))
    assert str(rollup(found, label)) == expected
    assert "&lt;b&gt;" in expected or "<b>" not in label
