"""The NHS.UK summary list (rows of a key and a value) drawn in Python around a frame the
macro drew once.

The action page, the page asked for most, draws nine rows, and the macro's attribute,
class and row handling cost about a tenth of the page's CPU. The macro sees only its
parameters, so the list it draws for one set of keys with a marker for each value is the
frame for every list with those keys: each value goes where its marker is, trimmed and
indented as the macro trims and indents it (Jinja's own `trim` and `indent` filters), so
the markup is the macro's, byte for byte (tests/web/test_summary_list.py holds it to the
macro). Values are escaped as text unless they are Markup (what the macro's "html" is).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from jinja2.filters import do_indent, do_trim
from markupsafe import Markup, escape

# The macro indents a value 4 spaces inside its row and the list indents each row 2 more.
VALUE_INDENT = 6
MAX_FRAMES = 256  # sets of keys: pages draw a few fixed ones
_MARKER = "wb-summary-value-{}-wb"
_frames: dict[tuple[str, ...], str] = {}
_lock = threading.Lock()


def summary_list(rows: Sequence[tuple[str, str | Markup]]) -> Markup:
    """The summary list of (key, value) rows: a str value is text (escaped), Markup is
    drawn as it is. An empty value is drawn by the macro itself (it leaves the line out)."""
    if any(not value for _, value in rows):
        return _macro()({"rows": [_row(key, value) for key, value in rows]})
    keys = tuple(key for key, _ in rows)
    frame = _frames.get(keys) or _frame(keys)
    parts = frame.split("\x00")
    drawn = [parts[0]]
    for (_, value), tail in zip(rows, parts[1:], strict=True):
        drawn.append(do_indent(do_trim(escape(value)), VALUE_INDENT))
        drawn.append(tail)
    return Markup("".join(drawn))  # noqa: S704 - the macro's frame, every value escaped


def _row(key: str, value: str | Markup) -> dict[str, dict[str, str | Markup]]:
    kind = "html" if isinstance(value, Markup) else "text"
    return {"key": {"text": key}, "value": {kind: value}}


def _frame(keys: tuple[str, ...]) -> str:
    """The macro's list for these keys, split at each value's place by a NUL (no drawn
    text holds one: the markers are the macro's only say over those places)."""
    markers = [Markup(_MARKER.format(i)) for i in range(len(keys))]  # noqa: S704 - letters
    drawn = str(_macro()({"rows": [_row(k, m) for k, m in zip(keys, markers, strict=True)]}))
    for marker in markers:
        assert drawn.count(marker) == 1, "each value has one place"
        drawn = drawn.replace(marker, "\x00")
    with _lock:
        if len(_frames) >= MAX_FRAMES:
            _frames.clear()
        _frames[keys] = drawn
    return drawn


def _macro() -> Any:
    """The NHS.UK macro, from the app's Jinja environment."""
    from django.template import engines

    env = engines["jinja2"].env  # type: ignore[attr-defined]
    return env.get_template("nhsuk/components/summary-list/macro.jinja").module.summaryList
