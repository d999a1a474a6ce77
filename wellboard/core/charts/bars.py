"""Area comparison: one horizontal bar per area with its confidence interval, coloured by
its comparison with the benchmark and a vertical benchmark line, as in Fingertips' "compare
areas" view. The partnership's own area is picked out with a bold label and a darker edge."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeGuard

from wellboard.core.charts import svg
from wellboard.core.charts.svg import MISSING, PALETTE, Chart, Scale, coordinate, esc, fmt

WIDTH = 640
LABEL_WIDTH = 200
RIGHT, TOP, BOTTOM = 56, 24, 16
ROW = 22


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    lower: float | None = None
    upper: float | None = None
    comparison: str = ""
    highlight: bool = False


def _finite(value: float | None) -> TypeGuard[float]:
    return value is not None and math.isfinite(value)


def comparison_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    chart_id: str = "areas",
    unit: str = "",
    decimals: int = 1,
    benchmark: float | None = None,
    benchmark_label: str = "England",
) -> Chart:
    known = [v for b in bars for v in (b.value, b.lower, b.upper) if _finite(v)]
    if _finite(benchmark):
        known.append(float(benchmark))
    ticks = svg.nice_ticks(min([0.0, *known]), max(known, default=1.0))
    height = TOP + BOTTOM + ROW * max(len(bars), 1)
    x = Scale(ticks[0], ticks[-1], LABEL_WIDTH, WIDTH - RIGHT)
    body = _x_axis(x, ticks, height, decimals)
    for i, bar in enumerate(bars):
        body += _bar(bar, TOP + i * ROW, x, unit, decimals)
    if _finite(benchmark):
        bx = x(float(benchmark))
        body.append(
            svg.line(
                bx,
                TOP - 6,
                bx,
                height - BOTTOM,
                cls="wb-chart__benchmark",
                extra=f' stroke="{PALETTE["black"]}" stroke-width="2"',
            )
        )
        body.append(
            svg.text(
                bx, TOP - 10, f"{benchmark_label}: {fmt(benchmark, decimals)}", anchor="middle"
            )
        )
    plotted = sum(1 for b in bars if _finite(b.value))
    desc = f"{plotted} area{'s' if plotted != 1 else ''} with a value"
    if _finite(benchmark):
        desc += f", against {benchmark_label} ({fmt(benchmark, decimals)})"
    own = [b for b in bars if b.highlight and _finite(b.value)]
    if own:
        desc += f"; {own[0].label}: {fmt(own[0].value, decimals)}"
        desc += f" ({own[0].comparison.lower()})" if own[0].comparison else ""
    document = svg.document(
        chart_id=chart_id, width=WIDTH, height=height, title=title, desc=desc + ".", body=body
    )
    headers = (
        "Area",
        f"Value{f' ({unit})' if unit else ''}",
        "Lower 95% limit",
        "Upper 95% limit",
        f"Compared with {benchmark_label}",
    )
    rows = [
        (
            b.label,
            fmt(b.value, decimals),
            fmt(b.lower, decimals),
            fmt(b.upper, decimals),
            b.comparison or MISSING,
        )
        for b in bars
    ]
    return Chart(document, title, headers, rows)


def _x_axis(x: Scale, ticks: list[float], height: int, decimals: int) -> list[str]:
    parts = ['<g class="wb-chart__axis" aria-hidden="true">']
    for tick in ticks:
        tx = x(tick)
        parts.append(
            svg.line(
                tx,
                TOP,
                tx,
                height - BOTTOM,
                cls="wb-chart__grid",
                extra=f' stroke="{PALETTE["pale_grey"]}"',
            )
        )
        parts.append(svg.text(tx, height - 2, fmt(tick, decimals), anchor="middle"))
    parts.append("</g>")
    return parts


def _bar(bar: Bar, top: float, x: Scale, unit: str, decimals: int) -> list[str]:
    weight = ' font-weight="bold"' if bar.highlight else ""
    label = bar.label if len(bar.label) <= 30 else bar.label[:29] + "…"
    parts = [svg.text(LABEL_WIDTH - 6, top + ROW / 2 + 4, label, anchor="end", extra=weight)]
    if not _finite(bar.value):
        return parts
    zero, end = x(max(x.domain_min, 0.0)), x(float(bar.value))
    colour = svg.comparison_colour(bar.comparison) if bar.comparison else PALETTE["blue"]
    edge = f' stroke="{PALETTE["black"]}" stroke-width="2"' if bar.highlight else ""
    note = f"{bar.label}: {fmt(bar.value, decimals)}{f' {unit}' if unit else ''}"
    if bar.comparison:
        note += f" ({bar.comparison})"
    parts.append(
        f'<rect class="wb-chart__bar" x="{coordinate(min(zero, end))}" y="{coordinate(top + 3)}" '
        f'width="{coordinate(abs(end - zero))}" height="{ROW - 6}" fill="{colour}"{edge}>'
        f"<title>{esc(note)}</title></rect>"
    )
    if _finite(bar.lower) and _finite(bar.upper):
        lo, hi, mid = x(bar.lower), x(bar.upper), top + ROW / 2
        stroke = f' stroke="{PALETTE["black"]}" stroke-width="1.5"'
        parts.append(svg.line(lo, mid, hi, mid, cls="wb-chart__ci", extra=stroke))
        parts.append(svg.line(lo, mid - 4, lo, mid + 4, cls="wb-chart__ci-cap", extra=stroke))
        parts.append(svg.line(hi, mid - 4, hi, mid + 4, cls="wb-chart__ci-cap", extra=stroke))
    return parts
