"""Outcome indicator figures for reports, and the point where the indicators engine plugs in.

The indicators app (wellboard/indicators) is gaining published values, England
comparisons and trends. Until it offers a summary per indicator, reports list each linked
indicator with the board's own baseline and target, and `indicator_figures` returns
nothing; replace its body with a call to that summary when it exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from wellboard.indicators.models import Indicator


@dataclass(frozen=True)
class IndicatorFigures:
    latest: str = ""  # value with its period, e.g. "63.1 (2021-23)"
    england: str = ""  # "Better than England", "Similar", ...
    trend: str = ""  # "Improving", "No significant change", ...
    target_status: str = ""  # "Met", "On course", "Not met"


def indicator_figures(indicators: Iterable[Indicator], as_of: date) -> dict[int, IndicatorFigures]:
    """Extension point: latest value, England comparison, trend and target status by
    indicator id, using only data published by `as_of`. Empty until the engine exists."""
    return {}


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
