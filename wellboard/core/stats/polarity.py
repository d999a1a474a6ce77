"""Which direction counts as improvement for an indicator.

Fingertips calls this the indicator's polarity: "RAG - High is good", "RAG - Low is good", or
none ("BOB - Blue orange blue" / "Not applicable"), where differences are only higher or lower.
"""

from __future__ import annotations

from enum import StrEnum


class Polarity(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    NONE = "none"


def parse_polarity(polarity: Polarity | str | None) -> Polarity:
    """Accept a Polarity, its string value, or None (no polarity)."""
    if polarity is None:
        return Polarity.NONE
    try:
        return Polarity(polarity)
    except ValueError:
        names = ", ".join(p.value for p in Polarity)
        raise ValueError(f"polarity must be one of {names}, not {polarity!r}") from None
