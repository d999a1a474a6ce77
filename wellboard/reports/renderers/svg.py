"""A stacked bar chart as inline SVG, so HTML and PDF show it with no script or image file.

All text goes through `escape`: theme names are user data.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from wellboard.reports.document import CHART_COLOURS, StackedBarChart

LABEL_WIDTH = 260
BAR_WIDTH = 420
ROW_HEIGHT = 26
BAR_HEIGHT = 18
LEGEND_HEIGHT = 30


def _shorten(text: str, limit: int = 42) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\N{HORIZONTAL ELLIPSIS}"


def _bar(chart: StackedBarChart, index: int, y: int, scale: float) -> list[str]:
    parts = []
    x = float(LABEL_WIDTH)
    for series in chart.series:
        value = series.values[index]
        if not value:
            continue
        width = value * scale
        colour = CHART_COLOURS.get(series.key, "768692")
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
            f'fill="#{colour}"><title>{escape(series.name)}: {value}</title></rect>'
        )
        x += width
    parts.append(f'<text x="{x + 6:.1f}" y="{y + 13}" font-size="11">{chart.total(index)}</text>')
    return parts


def _legend(chart: StackedBarChart, y: int) -> list[str]:
    parts = []
    x = 0
    for series in chart.series:
        colour = CHART_COLOURS.get(series.key, "768692")
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="#{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="{y + 10}" font-size="11">{escape(series.name)}</text>')
        x += 22 + 7 * len(series.name)
    return parts


def stacked_bar_svg(chart: StackedBarChart) -> Markup:
    most = max((chart.total(i) for i in range(len(chart.categories))), default=0) or 1
    scale = BAR_WIDTH / most
    height = LEGEND_HEIGHT + ROW_HEIGHT * len(chart.categories)
    width = LABEL_WIDTH + BAR_WIDTH + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="wb-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="Arial, Liberation Sans, sans-serif">',
        f"<title>{escape(chart.title)}</title>",
        *_legend(chart, 0),
    ]
    for index, category in enumerate(chart.categories):
        y = LEGEND_HEIGHT + index * ROW_HEIGHT
        parts.append(f'<text x="0" y="{y + 13}" font-size="11">{escape(_shorten(category))}</text>')
        parts.extend(_bar(chart, index, y, scale))
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every piece of text above is escaped
