"""`forms.table` draws tables in Python (web/tables.py): the same markup as the NHS.UK
frontend's table macro, which it replaces for speed, compared element by element."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.template import engines
from markupsafe import Markup

from wellboard.web.tables import table_html

ENV: Any = engines["jinja2"].env  # type: ignore[attr-defined]
PROJECT = ENV.from_string(
    '{% import "web/forms.jinja" as forms %}{{ forms.table(head, rows, caption=caption, '
    "caption_hidden=hidden, first_cell_is_header=first, responsive=responsive, id=id, "
    "classes=classes) }}"
)
NHS = ENV.from_string(
    '{% from "nhsuk/components/tables/macro.jinja" import table %}{{ table({'
    '"caption": {"text": caption, "classes": "nhsuk-u-visually-hidden" if hidden else none} '
    'if caption else none, "head": head, "rows": rows, "firstCellIsHeader": first, '
    '"responsive": responsive, "id": id, "classes": classes}) }}'
)

HEAD = ["Action", Markup("<abbr>Lead</abbr>"), {"text": "Due", "format": "numeric"}, ""]
ROWS = [
    [{"html": Markup('<a href="/a/1">1 &amp; 2</a>')}, "Council <b>", "5", ""],
    [Markup("<i>markup</i>"), "", {"text": "link", "href": "/h?a=1&b='2'"}, "x"],
    [{"text": "wide", "colspan": 2}, {"text": "  padded  ", "format": "numeric"}, "", "y"],
    ["short row"],
]
CASES = [
    {"responsive": True, "first": False, "caption": "Actions", "hidden": True},
    {"responsive": False, "first": True, "caption": "Plain <caption>", "hidden": False},
    {"responsive": True, "first": True, "caption": None, "hidden": False},
    {"responsive": False, "first": False, "caption": None, "hidden": False, "id": "t1"},
]


def normalised(html: str) -> str:
    """Whitespace between tags and around text ignored: browsers collapse it."""
    html = re.sub(r">\s+", ">", re.sub(r"\s+<", "<", html.strip()))
    return re.sub(r"\s+", " ", html)


@pytest.mark.parametrize("case", CASES)
def test_same_markup_as_the_nhs_macro(case: dict[str, Any]) -> None:
    values = {"id": None, "classes": "wb-table"} | case | {"head": HEAD, "rows": ROWS}
    ours, theirs = PROJECT.render(**values), NHS.render(**values)
    assert normalised(ours) == normalised(theirs)
    assert "<b>" not in ours and "&lt;b&gt;" in ours  # text escaped, markup kept
    assert "<i>markup</i>" in ours


def test_a_key_it_does_not_draw_is_left_to_the_nhs_macro() -> None:
    rows = [[{"text": "1", "classes": "wb-special"}]]
    assert table_html(["A"], rows) is None
    values = {"head": ["A"], "rows": rows, "caption": None, "hidden": False, "first": False,
              "responsive": False, "id": None, "classes": None}  # fmt: skip
    drawn = PROJECT.render(**values)
    assert "wb-special" in drawn
    assert normalised(drawn) == normalised(NHS.render(**values))
