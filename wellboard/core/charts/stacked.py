"""A stacked horizontal bar per row, e.g. the actions of each theme by delivery status.

Each segment's share is drawn to scale and carries a <title> with its count, and the legend
names every segment, so colour is never the only cue."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from wellboard.core.charts import svg
from wellboard.core.charts.svg import PALETTE, Chart, coordinate, esc

WIDTH = 640
LABEL_WIDTH = 200
RIGHT, TOP, ROW, LEGEND = 48, 8, 26, 28

DEFAULT_COLOURS = (
    PALETTE["green"],
    PALETTE["amber"],
    PALETTE["red"],
    PALETTE["blue"],
    PALETTE["grey"],
    PALETTE["purple"],
)


@dataclass(frozen=True)
class StackedRow:
    label: str
    counts: Mapping[str, float]


def stacked_bar_chart(
    rows: Sequence[StackedRow],
    *,
    segments: Sequence[str],
    title: str,
    chart_id: str = "stacked",
    colours: Mapping[str, str] | None = None,
) -> Chart:
    """Bars scaled to the largest row total; ``segments`` fixes the order and the legend."""
    colours = colours or {}
    palette = {
        name: colours.get(name, DEFAULT_COLOURS[i % len(DEFAULT_COLOURS)])
        for i, name in enumerate(segments)
    }
    totals = [sum(row.counts.get(s, 0) for s in segments) for row in rows]
    largest = max(totals, default=0) or 1
    span = WIDTH - RIGHT - LABEL_WIDTH
    height = TOP + ROW * max(len(rows), 1) + LEGEND
    body: list[str] = []
    for i, row in enumerate(rows):
        top = TOP + i * ROW
        body.append(svg.text(LABEL_WIDTH - 6, top + ROW / 2 + 4, _short(row.label), anchor="end"))
        left = float(LABEL_WIDTH)
        for name in segments:
            count = row.counts.get(name, 0)
            if count <= 0:
                continue
            width = span * count / largest
            body.append(
                f'<rect class="wb-chart__segment" x="{coordinate(left)}" y="{coordinate(top + 4)}" '
                f'width="{coordinate(width)}" height="{ROW - 8}" fill="{palette[name]}">'
                f"<title>{esc(f'{row.label}: {name} {count:g}')}</title></rect>"
            )
            left += width
        body.append(svg.text(left + 4, top + ROW / 2 + 4, f"{totals[i]:g}"))
    body += _legend(segments, palette, TOP + ROW * max(len(rows), 1) + 8)
    desc = "; ".join(
        f"{row.label}: " + ", ".join(f"{name} {row.counts.get(name, 0):g}" for name in segments)
        for row in rows
    )
    document = svg.document(
        chart_id=chart_id,
        width=WIDTH,
        height=height,
        title=title,
        desc=desc or "No rows to show.",
        body=body,
    )
    headers = ("", *segments, "Total")
    table = [
        (row.label, *(f"{row.counts.get(name, 0):g}" for name in segments), f"{total:g}")
        for row, total in zip(rows, totals, strict=True)
    ]
    return Chart(document, title, headers, table)


def _short(label: str) -> str:
    return label if len(label) <= 30 else label[:29] + "…"


def _legend(segments: Sequence[str], palette: Mapping[str, str], top: float) -> list[str]:
    parts = ['<g class="wb-chart__legend">']
    x = float(LABEL_WIDTH)
    for name in segments:
        parts.append(
            f'<rect x="{coordinate(x)}" y="{coordinate(top)}" width="12" height="12" '
            f'fill="{palette[name]}"/>'
        )
        parts.append(svg.text(x + 16, top + 10, name))
        x += 24 + 7 * len(name)
    parts.append("</g>")
    return parts
