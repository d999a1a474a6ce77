"""The roll-up bar and its counts in words, drawn in Python for every page that shows one
(the `rollup` Jinja global, wellboard/jinja2.py): the overview, plan, theme, priority and
public pages.

It replaced the `rollup` macro of strategy/_macros.jinja (a loop of `rag` macro calls per
bar), which was the largest part of the public strategy page's drawing (issue #17); one
drawing for every page, so none drifts. tests/strategy/test_rollup_html.py holds it to
the macro's markup (a copy kept in tests/strategy/macro_rollup.py) and
tests/strategy/test_rollup_pages.py the pages' bars.
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
