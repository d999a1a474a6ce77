"""Carrying "As above", "Ditto" and "see 2.1" over from the row they point to.

Boards write these in any column but the action itself (indicators, due, leads,
governance, codes, links) rather than repeat a long value row after row; the action is
meant to have that value, and the words themselves are never an organisation or a linked
strategy. "As above" and "Ditto" take the nearest row above that has a value in that
column; "see 2.1" ("as 2.1", "same as action 2.1") takes the value of the row whose ref
is 2.1.
"""

from __future__ import annotations

import re
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
    "links",
)
_SEE_REF = re.compile(
    r"^(?:see|as(?:\s+per)?|same\s+as|refer\s+to)\s+(?:action\s+|ref\s+|row\s+|no\.?\s+)?"
    r"(?P<ref>\d{1,2}(?:\.\d{1,2})*[a-z]?)\s*(?:above|below)?[.)]?$",
    re.IGNORECASE,
)


class AsAbove:
    """The latest value seen in each column that may say "as above"."""

    def __init__(self) -> None:
        self.above: dict[str, list[str]] = {}
        self.by_ref: dict[str, dict[str, list[str]]] = {}

    def resolve(
        self, values: dict[str, list[str]], warn: Callable[[str], None]
    ) -> dict[str, list[str]]:
        for key in AS_ABOVE_FIELDS:
            current = values.get(key)
            if current and (match := _SEE_REF.match(" ".join(current).strip())):
                row = self.by_ref.get(match["ref"])
                if row is None or not row.get(key):
                    warn(f"'{' '.join(current)}' points to no row with a value there")
                    values.pop(key)
                    continue
                values[key] = row[key]
            elif current and is_as_above(" ".join(current)):
                previous = self.above.get(key)
                if previous is None:
                    warn(f"'{' '.join(current)}' with no value above it")
                    values.pop(key)
                    continue
                values[key] = previous
            if values.get(key):
                self.above[key] = values[key]
        return values

    def remember(self, ref: str, values: dict[str, list[str]]) -> None:
        """Keep a row's values under its ref, for a later "see 2.1"."""
        if ref:
            self.by_ref.setdefault(ref, values)
