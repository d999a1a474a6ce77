"""Writing values: an upsert on the value's natural key, so reloading a file updates it."""

from __future__ import annotations

from collections.abc import Sequence

from wellboard.indicators.models import IndicatorValue
from wellboard.indicators.periods import period_bounds

_KEY = ["indicator", "area_code", "period_label", "sex", "age", "category_type", "category"]
_UPDATED = [
    f.name
    for f in IndicatorValue._meta.concrete_fields
    if f.name not in {*_KEY, "id", "recorded_at"}
]


def fill_periods(values: Sequence[IndicatorValue]) -> None:
    """Parse each period label once per distinct label (a download repeats them widely)."""
    cache: dict[str, tuple] = {}
    for value in values:
        bounds = cache.get(value.period_label)
        if bounds is None:
            bounds = cache[value.period_label] = period_bounds(value.period_label)
        value.period_start, value.period_end, fallback = bounds
        if not value.period_sort:
            value.period_sort = fallback


def save_values(values: Sequence[IndicatorValue]) -> int:
    """Insert or update on the natural key; the caller holds the transaction."""
    fill_periods(values)
    seen: dict[tuple, IndicatorValue] = {}
    for value in values:
        seen[tuple(getattr(value, f if f != "indicator" else "indicator_id") for f in _KEY)] = value
    unique = list(seen.values())
    IndicatorValue.objects.bulk_create(
        unique,
        batch_size=500,
        update_conflicts=True,
        unique_fields=_KEY,
        update_fields=[*_UPDATED, "recorded_at"],
    )
    return len(unique)
