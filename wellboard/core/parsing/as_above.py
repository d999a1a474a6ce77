"""Carrying "As above", "As per above" and "Ditto" forward from the nearest row that has a value.

Boards write these in the shared columns (indicators, due, leads, governance, codes) rather
than repeat a long value row after row; the action is meant to have that value.
"""

from __future__ import annotations

from collections.abc import Callable

from wellboard.core.parsing.cells import is_as_above

AS_ABOVE_FIELDS = (
    "measures",
    "due",
    "lead",
    "lead_officer",
    "supporting",
    "governance",
    "indicator_codes",
)


class AsAbove:
    """The latest value seen in each column that may say "as above"."""

    def __init__(self) -> None:
        self.above: dict[str, list[str]] = {}

    def resolve(
        self, values: dict[str, list[str]], warn: Callable[[str], None]
    ) -> dict[str, list[str]]:
        for key in AS_ABOVE_FIELDS:
            current = values.get(key)
            if current and is_as_above(" ".join(current)):
                previous = self.above.get(key)
                if previous is None:
                    warn(f"'{' '.join(current)}' with no value above it")
                    values.pop(key)
                    continue
                values[key] = previous
            if values.get(key):
                self.above[key] = values[key]
        return values
