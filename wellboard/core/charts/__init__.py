"""Accessible SVG charts drawn on the server, pure Python (no Django, no plotting library).

Each chart function returns a ``Chart``: the SVG (role="img", <title> and <desc> referenced
by aria-labelledby, all text escaped) and the same data as table headers and rows to show
beside it, so pages and printed reports carry identical charts.
"""

from wellboard.core.charts.bars import Bar, comparison_chart
from wellboard.core.charts.stacked import StackedRow, stacked_bar_chart
from wellboard.core.charts.svg import Chart, comparison_colour
from wellboard.core.charts.trend import TrendPoint, trend_chart

__all__ = [
    "Bar",
    "Chart",
    "StackedRow",
    "TrendPoint",
    "comparison_chart",
    "comparison_colour",
    "stacked_bar_chart",
    "trend_chart",
]
