"""web/summary_list.py draws the NHS.UK summary list byte for byte as the macro does:
text escaped, Markup as it is, values of several lines indented as the macro indents
them, whatever characters they hold."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import engines
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from wellboard.web import summary_list as module
from wellboard.web.summary_list import summary_list


def macro(rows: list[tuple[str, str | Markup]]) -> str:
    """What the action page drew before: the macro, "html" for Markup, else "text"."""
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    summary = env.get_template("nhsuk/components/summary-list/macro.jinja").module.summaryList
    params: list[dict[str, Any]] = [
        {"key": {"text": k}, "value": {"html" if isinstance(v, Markup) else "text": v}}
        for k, v in rows
    ]
    return str(summary({"rows": params}))


KEYS = ["Description", "Lead organisations", "Due"]
CASES: list[list[tuple[str, str | Markup]]] = [
    [("Description", "One line"), ("Lead organisations", "A & B <C>"), ("Due", "2026")],
    [("Description", Markup('Line one\nline <abbr title="x">two</abbr>')), ("Due", "—")],
    [("Description", "  padded  \n\n  after a blank line\r\nwindows\rmac  ")],
    [("Description", "sep\x0bvertical\x0cform\x1cfile\u2028line\u2029para\x85next")],
    [("Description", Markup("   ")), ("Due", "x")],
    [("Description", "")],
    [("Description", Markup(""))],
    [("Description", "<script>alert(1)</script>"), ("Weight", "1.5")],
]


@pytest.fixture(autouse=True)
def no_frames() -> None:
    module._frames.clear()


@pytest.mark.parametrize("rows", CASES)
def test_the_list_is_the_macros_markup(rows: list[tuple[str, str | Markup]]) -> None:
    assert str(summary_list(rows)) == macro(rows)
    assert str(summary_list(rows)) == macro(rows), "and again, from the kept frame"


def test_text_is_escaped_and_markup_is_not() -> None:
    drawn = summary_list([("Description", "<b>x</b>"), ("Due", Markup("<b>y</b>"))])
    assert "&lt;b&gt;x&lt;/b&gt;" in drawn and "<b>y</b>" in drawn


def test_one_frame_per_set_of_keys() -> None:
    summary_list([("Description", "a"), ("Due", "b")])
    summary_list([("Description", "c\nd"), ("Due", Markup("e"))])
    summary_list([("Due", "f")])
    assert len(module._frames) == 2


texts = st.text(st.characters(codec="utf-8"), max_size=40)
values = st.one_of(texts, texts.map(Markup))


@settings(max_examples=300, deadline=None)
@given(st.lists(values, min_size=1, max_size=3))
def test_any_values_give_the_macros_markup(drawn_values: list[str | Markup]) -> None:
    rows = list(zip(KEYS, drawn_values, strict=False))
    assert str(summary_list(rows)) == macro(rows)
