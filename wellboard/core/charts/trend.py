"""A trend line over periods, with confidence-interval whiskers, a benchmark line (England)
and a target line, in the manner of the Fingertips trend chart."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeGuard

from wellboard.core.charts import svg
from wellboard.core.charts.svg import PALETTE, Chart, Scale, coordinate, esc, fmt

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 64
MAX_X_LABELS = 10


@dataclass(frozen=True)
class TrendPoint:
    label: str
    value: float | None
    lower: float | None = None
    upper: float | None = None


def _finite(value: float | None) -> TypeGuard[float]:
    return value is not None and math.isfinite(value)


def trend_chart(
    points: Sequence[TrendPoint],
    *,
    title: str,
    chart_id: str = "trend",
    unit: str = "",
    decimals: int = 1,
    benchmark: Mapping[str, float | None] | None = None,
    benchmark_label: str = "England",
    target: float | None = None,
    target_label: str = "Target",
) -> Chart:
    """The chart and its table (period, value, lower, upper, benchmark)."""
    benchmark = benchmark or {}
    known = [
        v
        for p in points
        for v in (p.value, p.lower, p.upper, benchmark.get(p.label))
        if v is not None and _finite(v)
    ]
    if _finite(target):
        known.append(float(target))
    ticks = svg.nice_ticks(min(known, default=0.0), max(known, default=1.0))
    y = Scale(ticks[0], ticks[-1], HEIGHT - BOTTOM, TOP)
    x = _x_positions(len(points))
    body = svg.y_axis(y, ticks, LEFT, WIDTH - RIGHT, decimals)
    body += _x_labels(points, x)
    body += _benchmark(points, x, y, benchmark, benchmark_label)
    if _finite(target):
        body += _target(float(target), y, target_label)
    body += _series(points, x, y, unit, decimals)
    plotted = sum(1 for p in points if _finite(p.value))
    desc = _describe(points, plotted, unit, decimals, benchmark_label, benchmark, target)
    headers = (
        "Period",
        f"Value{f' ({unit})' if unit else ''}",
        "Lower 95% limit",
        "Upper 95% limit",
        benchmark_label,
    )
    rows = [
        (
            p.label,
            fmt(p.value, decimals),
            fmt(p.lower, decimals),
            fmt(p.upper, decimals),
            fmt(benchmark.get(p.label), decimals),
        )
        for p in points
    ]
    document = svg.document(
        chart_id=chart_id, width=WIDTH, height=HEIGHT, title=title, desc=desc, body=body
    )
    return Chart(document, title, headers, rows)


def _x_positions(count: int) -> list[float]:
    if count == 1:
        return [(LEFT + WIDTH - RIGHT) / 2]
    step = (WIDTH - RIGHT - LEFT - 24) / (count - 1)
    return [LEFT + 12 + i * step for i in range(count)]


def _x_labels(points: Sequence[TrendPoint], x: list[float]) -> list[str]:
    every = max(1, math.ceil(len(points) / MAX_X_LABELS))
    parts = ['<g class="wb-chart__axis" aria-hidden="true">']
    for i, point in enumerate(points):
        if i % every == 0 or i == len(points) - 1:
            parts.append(
                svg.text(
                    x[i],
                    HEIGHT - BOTTOM + 16,
                    point.label,
                    anchor="end",
                    extra=f' transform="rotate(-35 {coordinate(x[i])} '
                    f'{coordinate(HEIGHT - BOTTOM + 16)})"',
                )
            )
    parts.append("</g>")
    return parts


def _benchmark(
    points: Sequence[TrendPoint],
    x: list[float],
    y: Scale,
    benchmark: Mapping[str, float | None],
    label: str,
) -> list[str]:
    coords = [
        f"{coordinate(x[i])},{coordinate(y(v))}"
        for i, p in enumerate(points)
        if (v := benchmark.get(p.label)) is not None and _finite(v)
    ]
    if not coords:
        return []
    return [
        f'<polyline class="wb-chart__benchmark" fill="none" stroke="{PALETTE["black"]}" '
        f'stroke-width="1.5" stroke-dasharray="2 3" points="{" ".join(coords)}">'
        f"<title>{esc(label)}</title></polyline>"
    ]


def _target(target: float, y: Scale, label: str) -> list[str]:
    ty = y(target)
    return [
        svg.line(
            LEFT,
            ty,
            WIDTH - RIGHT,
            ty,
            cls="wb-chart__target",
            extra=f' stroke="{PALETTE["green"]}" stroke-width="2" stroke-dasharray="8 4"',
        ),
        svg.text(
            WIDTH - RIGHT - 4,
            ty - 6,
            f"{label}: {fmt(target)}",
            anchor="end",
            extra=f' fill="{PALETTE["green"]}"',
        ),
    ]


def _series(
    points: Sequence[TrendPoint], x: list[float], y: Scale, unit: str, decimals: int
) -> list[str]:
    parts: list[str] = []
    path = [
        f"{coordinate(x[i])},{coordinate(y(p.value))}"
        for i, p in enumerate(points)
        if _finite(p.value)
    ]
    if len(path) > 1:
        parts.append(
            f'<polyline class="wb-chart__line" fill="none" stroke="{PALETTE["blue"]}" '
            f'stroke-width="2" points="{" ".join(path)}"/>'
        )
    for i, p in enumerate(points):
        if _finite(p.lower) and _finite(p.upper):
            lo, hi = y(p.lower), y(p.upper)
            parts.append(
                svg.line(
                    x[i],
                    lo,
                    x[i],
                    hi,
                    cls="wb-chart__ci",
                    extra=f' stroke="{PALETTE["grey"]}" stroke-width="1.5"',
                )
            )
            for end in (lo, hi):
                parts.append(
                    svg.line(
                        x[i] - 4,
                        end,
                        x[i] + 4,
                        end,
                        cls="wb-chart__ci-cap",
                        extra=f' stroke="{PALETTE["grey"]}" stroke-width="1.5"',
                    )
                )
        if _finite(p.value):
            note = f"{p.label}: {fmt(p.value, decimals)}{f' {unit}' if unit else ''}"
            parts.append(
                f'<circle class="wb-chart__point" cx="{coordinate(x[i])}" '
                f'cy="{coordinate(y(p.value))}" r="4" fill="{PALETTE["blue"]}">'
                f"<title>{esc(note)}</title></circle>"
            )
    return parts


def _describe(
    points: Sequence[TrendPoint],
    plotted: int,
    unit: str,
    decimals: int,
    benchmark_label: str,
    benchmark: Mapping[str, float | None],
    target: float | None,
) -> str:
    if not plotted:
        return "No values to plot."
    with_values = [p for p in points if _finite(p.value)]
    first, last = with_values[0], with_values[-1]
    suffix = f" {unit}" if unit else ""
    desc = (
        f"{plotted} value{'s' if plotted != 1 else ''} from {first.label} "
        f"({fmt(first.value, decimals)}{suffix}) to {last.label} "
        f"({fmt(last.value, decimals)}{suffix}), with 95% confidence intervals."
    )
    if benchmark.get(last.label) is not None:
        desc += f" {benchmark_label} in {last.label}: {fmt(benchmark[last.label], decimals)}."
    if _finite(target):
        desc += f" Target: {fmt(target, decimals)}{suffix}."
    return desc
