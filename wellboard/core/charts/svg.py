"""Small building blocks for server-rendered SVG: escaping, scales, ticks, the document.

Charts are drawn on the server so that the same markup appears in the web page and in the
printed board report, with no JavaScript. Accessibility follows the W3C "SVG Accessibility
API Mappings" and the GOV.UK/NHS guidance on charts: the root has role="img" and
aria-labelledby pointing at its <title> and <desc>, and every chart comes with its data as
table rows, so that nothing is only visible in the picture.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as _escape

_ID = re.compile(r"[^A-Za-z0-9_-]")
MISSING = "\N{EN DASH}"
"""What a table shows for a value that is not there."""


def esc(text: object) -> str:
    """Escape text for element content and double-quoted attributes."""
    return _escape(str(text), {'"': "&quot;", "'": "&#x27;"})


def safe_id(text: str) -> str:
    """An XML id from any text: only letters, digits, hyphen and underscore survive."""
    cleaned = _ID.sub("-", text).strip("-") or "chart"
    return cleaned if cleaned[0].isalpha() else f"c-{cleaned}"


def fmt(value: float | None, decimals: int = 1) -> str:
    """Numbers as tables print them: thousands separated, a fixed number of decimals."""
    if value is None or not math.isfinite(value):
        return MISSING
    return f"{value:,.{decimals}f}"


def coordinate(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Scale:
    """A linear map from a data domain onto pixels (the range may run backwards, as a
    vertical axis does)."""

    domain_min: float
    domain_max: float
    range_min: float
    range_max: float

    def __call__(self, value: float) -> float:
        span = self.domain_max - self.domain_min
        share = 0.5 if span == 0 else (value - self.domain_min) / span
        return self.range_min + share * (self.range_max - self.range_min)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high], by the 1-2-5 rule (Heckbert, "Nice numbers
    for graph labels", Graphics Gems, 1990)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0, 1.0]
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    tick = start
    while tick < high + step * 0.999:
        ticks.append(round(tick, 10))
        tick += step
    return ticks


@dataclass(frozen=True)
class Chart:
    """An SVG chart and the same data as a table.

    ``__html__`` lets Jinja2 insert the SVG without a ``|safe`` filter: the markup is built
    here with every piece of text escaped.
    """

    svg: str
    caption: str
    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]] = field(default_factory=list)

    def __html__(self) -> str:
        return self.svg

    def __str__(self) -> str:
        return self.svg


def document(
    *, chart_id: str, width: int, height: int, title: str, desc: str, body: list[str]
) -> str:
    cid = safe_id(chart_id)
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="wb-chart" id="{cid}" '
            f'viewBox="0 0 {width} {height}" width="100%" role="img" '
            f'aria-labelledby="{cid}-title {cid}-desc" font-family="Arial, sans-serif" '
            'font-size="12">',
            f'<title id="{cid}-title">{esc(title)}</title>',
            f'<desc id="{cid}-desc">{esc(desc)}</desc>',
            *body,
            "</svg>",
        ]
    )


def text(x: float, y: float, content: str, *, anchor: str = "start", extra: str = "") -> str:
    return (
        f'<text x="{coordinate(x)}" y="{coordinate(y)}" text-anchor="{anchor}"{extra}>'
        f"{esc(content)}</text>"
    )


def line(x1: float, y1: float, x2: float, y2: float, *, cls: str, extra: str = "") -> str:
    return (
        f'<line class="{cls}" x1="{coordinate(x1)}" y1="{coordinate(y1)}" '
        f'x2="{coordinate(x2)}" y2="{coordinate(y2)}"{extra}/>'
    )


def y_axis(scale: Scale, ticks: list[float], left: float, right: float, decimals: int) -> list[str]:
    """Horizontal grid lines with their values at the left."""
    parts = ['<g class="wb-chart__axis" aria-hidden="true">']
    for tick in ticks:
        y = scale(tick)
        parts.append(line(left, y, right, y, cls="wb-chart__grid", extra=' stroke="#d8dde0"'))
        parts.append(text(left - 6, y + 4, fmt(tick, decimals), anchor="end"))
    parts.append("</g>")
    return parts


PALETTE = {
    "blue": "#005eb8",
    "dark_blue": "#003087",
    "light_blue": "#41b6e6",
    "grey": "#768692",
    "pale_grey": "#d8dde0",
    "black": "#212b32",
    "green": "#007f3b",
    "amber": "#ffb81c",
    "red": "#d5281b",
    "purple": "#330072",
}

COMPARISON_COLOURS = {
    "better": PALETTE["green"],
    "similar": PALETTE["amber"],
    "worse": PALETTE["red"],
    "higher": PALETTE["dark_blue"],
    "lower": PALETTE["light_blue"],
    "not compared": PALETTE["grey"],
}


def comparison_colour(label: str) -> str:
    """The Fingertips colour for a comparison word ("Better", "Similar", "Lower", ...)."""
    word = label.strip().lower()
    for key, colour in COMPARISON_COLOURS.items():
        if word.startswith(key):
            return colour
    return PALETTE["grey"]
