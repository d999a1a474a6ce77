"""What parse_plan returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ParseResult:
    """A plan in the exchange format, with what the reader should check by eye.

    ``warnings``: rows skipped, values not understood, acronyms missing from
    the glossary. ``unmapped_headers``: header cells no column was found for,
    which a ``column_map`` can map on a second attempt.
    """

    plan: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    unmapped_headers: list[str] = field(default_factory=list)
