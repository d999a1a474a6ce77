"""A board's own indicator data: a simple CSV of area, period and counts (or values).

Columns: ``area`` and ``period`` (required), then ``numerator`` and ``denominator``, or
``value`` (with optional ``lower`` and ``upper`` 95% limits); optional ``area_name``, ``sex``,
``age``, ``category_type``, ``category``. Where counts are given the value and its 95% and
99.8% limits are computed by wellboard.core.stats, by the method the indicator's unit implies
(PHE's choice in the Fingertips technical guidance): a percentage is a proportion with
Wilson score limits; a rate "per N" is a crude rate with exact Poisson limits below 10 events
and Byar's from 10.
"""

from __future__ import annotations

import os
import re
from typing import Any, TextIO

import numpy as np
from django.db import transaction

from wellboard.core.stats import crude_rate, wilson_interval
from wellboard.indicators.loaders import cells
from wellboard.indicators.loaders.cells import Record
from wellboard.indicators.loaders.errors import LoadError, LoadResult
from wellboard.indicators.loaders.store import save_values
from wellboard.indicators.models import Indicator, IndicatorValue

REQUIRED = ("area", "period")
_PER = re.compile(r"per\s+([\d,]+)")


def method_for_unit(unit: str) -> tuple[str, float] | None:
    """("wilson", 100) for "%", ("byars", N) for "per N", None when the unit says nothing."""
    if unit.strip() == "%":
        return "wilson", 100.0
    if match := _PER.fullmatch(unit.strip().lower()):
        return "byars", float(match.group(1).replace(",", ""))
    return None


def load_local_csv(
    *,
    indicator: Indicator,
    source: str | os.PathLike[str] | TextIO,
    method: str | None = None,
    multiplier: float | None = None,
) -> LoadResult:
    records = cells.read_csv_source(source, REQUIRED)
    if not records:
        raise LoadError("the file has a header but no rows")
    rows = [_parse(record) for record in records]
    counted = [i for i, row in enumerate(rows) if row["numerator"] is not None]
    if counted:
        chosen = _method(indicator, method, multiplier, records[counted[0]])
        _compute(rows, [records[i] for i in counted], counted, *chosen)
    values = [IndicatorValue(indicator=indicator, **row) for row in rows]
    with transaction.atomic():
        count = save_values(values)
    return LoadResult(rows=count, indicators=[indicator.code])


def _parse(record: Record) -> dict[str, Any]:
    numerator = cells.number(record, "numerator")
    denominator = cells.number(record, "denominator")
    value = cells.number(record, "value", negative=True)
    if (numerator is None) != (denominator is None):
        raise LoadError(f"row {record[0]}: give both numerator and denominator, or neither")
    if numerator is None and value is None:
        raise LoadError(f"row {record[0]}: give numerator and denominator, or a value")
    if denominator is not None and denominator <= 0:
        raise LoadError(f"row {record[0]}: denominator must be greater than zero")
    lower = cells.number(record, "lower", negative=True)
    upper = cells.number(record, "upper", negative=True)
    cells.check_limits(record, lower, upper, "95%")
    area = cells.required_text(record, "area")
    row = {
        "area_code": area[:20],
        "area_name": cells.text(record, "area_name") or area,
        "area_type": "Local",
        "period_label": cells.required_text(record, "period")[:40],
        "sex": cells.text(record, "sex"),
        "age": cells.text(record, "age"),
        "category_type": cells.text(record, "category_type"),
        "category": cells.text(record, "category"),
        "numerator": numerator,
        "denominator": denominator,
        "value": value,
        "lower_ci95": lower,
        "upper_ci95": upper,
        "source": IndicatorValue.Source.LOCAL,
    }
    cells.check_lengths(record, row, IndicatorValue)
    return row


def _method(
    indicator: Indicator, method: str | None, multiplier: float | None, first: Record
) -> tuple[str, float]:
    implied = method_for_unit(indicator.effective_unit)
    if method is None:
        if implied is None:
            raise LoadError(
                f"row {first[0]}: the indicator's unit {indicator.effective_unit!r} does not "
                "say how to compute a value from counts; choose --method wilson or byars"
            )
        method = implied[0]
    if method not in {"wilson", "byars"}:
        raise LoadError(f"unknown method {method!r}: use wilson or byars")
    if multiplier is None:
        same = implied is not None and implied[0] == method
        multiplier = implied[1] if same and implied else (1.0 if method == "wilson" else 1e5)
    return method, multiplier


def _compute(
    rows: list[dict[str, Any]],
    records: list[Record],
    positions: list[int],
    method: str,
    multiplier: float,
) -> None:
    x = np.array([rows[i]["numerator"] for i in positions])
    n = np.array([rows[i]["denominator"] for i in positions])
    if method == "wilson":
        over = np.flatnonzero(x > n)
        if over.size:
            raise LoadError(
                f"row {records[over[0]][0]}: numerator is greater than denominator "
                "(a proportion needs numerator <= denominator)"
            )
        at95 = wilson_interval(x, n, 0.95, multiplier)
        at998 = wilson_interval(x, n, 0.998, multiplier)
    else:
        at95 = crude_rate(x, n, 0.95, multiplier)
        at998 = crude_rate(x, n, 0.998, multiplier)
    for k, i in enumerate(positions):
        rows[i].update(
            value=float(at95.value[k]),
            lower_ci95=float(at95.lower[k]),
            upper_ci95=float(at95.upper[k]),
            lower_ci998=float(at998.lower[k]),
            upper_ci998=float(at998.upper[k]),
        )
