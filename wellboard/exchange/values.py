"""Small helpers for writing document values onto records only where they differ."""

from __future__ import annotations

from datetime import date
from typing import Any

from wellboard.core.exchange import ExchangeError


def parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise ExchangeError(f"{value!r} is not a real date") from exc


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def assign(record: Any, values: dict[str, Any]) -> bool:
    """Set the fields whose value differs; say whether any did (a new record always does)."""
    changed = [name for name, value in values.items() if getattr(record, name) != value]
    for name in changed:
        setattr(record, name, values[name])
    return bool(changed) or record.pk is None
