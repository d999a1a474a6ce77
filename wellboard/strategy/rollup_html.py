"""The roll-up bar and its counts (the `rollup` macro of strategy/_macros.jinja) drawn in
Python.

The public strategy page draws one per theme and one for the whole plan; through the macro
(a loop of `rag` macro calls per bar) they were the largest part of the page's drawing
(issue #17). tests/strategy/test_rollup_html.py holds this to the macro's markup.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from wellboard.core.delivery import StatusCounts
from wellboard.strategy.presenters import bar


def rollup(counts: StatusCounts, label: str) -> Markup:
    """`rollup(bar(counts), counts, label)`: the bar, with the counts beneath it in words."""
    segments = bar(counts)
    described = ", ".join(f"{s.count} {s.label.lower()}" for s in segments)
    spans = "".join(
        f'<span class="wb-bar__segment wb-rag--{s.status} wb-w-{int(round(s.percent, 0))}"></span>'
        for s in segments
    )
    words = "".join(
        f'<strong class="wb-rag wb-rag--{s.status}">{escape(s.label)}</strong> {s.count}&nbsp; '
        for s in segments
    )
    if counts.stale:
        words += f"<span>· {counts.stale} with no update for 90 days</span>"
    return Markup(  # noqa: S704 - the label and words are escaped, the rest are our keys
        f'<div class="wb-bar" role="img" aria-label="{escape(label)}: {escape(described)}">\n'
        f'{spans}</div>\n<p class="nhsuk-body-s">\n{words}</p>'
    )
