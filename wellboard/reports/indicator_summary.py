"""Outcome indicator figures for reports, from the indicators engine's summaries.

Each linked indicator is listed with the board's own baseline and target; where values
have been loaded, `wellboard.indicators.summary.indicator_summary` adds the latest value,
the comparison with England, the recent trend and progress towards the target.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from wellboard.indicators.models import Indicator
from wellboard.indicators.summary import indicator_summary


@dataclass(frozen=True)
class IndicatorFigures:
    latest: str = ""  # value with its period, e.g. "63.1 (2021-23)"
    england: str = ""  # "Better than England", "Similar", ...
    trend: str = ""  # "Improving", "No significant change", ...
    target_status: str = ""  # "Met", "On course", "Not met"


def indicator_figures(indicators: Iterable[Indicator], as_of: date) -> dict[int, IndicatorFigures]:
    """Latest value, England comparison, trend and target status by indicator id.

    Indicators without loaded values are left out, so the report says data is awaited.
    Values are the latest loaded: indicator data carries publication periods, not the
    date it was published, so `as_of` cannot wind them back (it is kept for that day).
    """
    figures: dict[int, IndicatorFigures] = {}
    for indicator in indicators:
        summary = indicator_summary(indicator)
        if not summary.has_data:
            continue
        latest = number(summary.value, indicator.effective_unit)
        figures[indicator.pk] = IndicatorFigures(
            latest=f"{latest} ({summary.period})" if summary.period else latest,
            england=summary.comparison,
            trend=summary.trend,
            target_status=summary.target_status,
        )
    return figures


def number(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    text = f"{value:g}"
    return f"{text} {unit}".strip() if unit and unit != "%" else text + unit


def baseline_text(indicator: Indicator) -> str:
    value = number(indicator.baseline, indicator.unit)
    period = f" ({indicator.baseline_period})" if indicator.baseline_period else ""
    return f"{value}{period}" if value else ""


def target_text(indicator: Indicator) -> str:
    value = number(indicator.target, indicator.unit)
    when = f" by {indicator.target_date.strftime('%b %Y')}" if indicator.target_date else ""
    return indicator.target_text or (f"{value}{when}" if value else "")
