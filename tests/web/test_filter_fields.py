"""Filter and search fields (web/forms.jinja's select and text_input, parameters from
web/filter_fields.py, each drawn once by web/drawn_once.py): the same markup as the
macros drew when the templates built their parameters; a field whose options or choice
change is drawn anew; text escaped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.template import engines
from markupsafe import Markup

from wellboard.web import drawn_once as cache

# The two macros as web/forms.jinja wrote them before their parameters were built in Python.
OLD = (Path(__file__).parent / "filter_fields_before.jinja").read_text()


def env() -> Any:
    return engines["jinja2"].env  # type: ignore[attr-defined]


def old() -> Any:
    return env().from_string(OLD).module


def new() -> Any:
    return env().get_template("web/forms.jinja").module


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    cache._drawn.clear()


THEMES = [(3, "Start well"), (11, 'Live <well> & "work"'), (12, Markup("<b>Age</b> well"))]
SELECTS: list[tuple[Any, ...]] = [
    ("theme", "Theme", THEMES, None, {}),
    ("theme", "Theme", THEMES, 11, {"id": "f-theme", "blank": "Any", "classes": "w"}),
    ("theme", "Theme", THEMES, "11", {"blank": ""}),
    ("theme", "Theme", THEMES, 99, {"blank": "Any"}),
    ("status", "Status", [("amber", "Amber"), ("stale", "No update")], "", {"blank": "Any"}),
    ("status", "Status", [("amber", "Amber"), ("stale", "No update")], "stale", {}),
    ("empty", "Nothing <here>", [], None, {"blank": "Any"}),
]


@pytest.mark.parametrize(("name", "label", "choices", "current", "options"), SELECTS)
def test_a_select_is_what_the_template_built_and_drew(
    name: str, label: str, choices: list[Any], current: Any, options: dict[str, Any]
) -> None:
    wanted = str(old().select(name, label, choices, current, **options))
    assert "<select" in wanted
    assert str(new().select(name, label, choices, current, **options)) == wanted
    assert str(new().select(name, label, choices, current, **options)) == wanted, "kept"


INPUTS: list[tuple[Any, ...]] = [
    ("q", "Search actions and updates", "", {"type": "search", "id": "f-q"}),
    ("q", "Search", "<script>alert(1)</script> & co", {"type": "search", "classes": "w"}),
    ("due_after", "Due after", dt.date(2027, 3, 31), {"type": "date", "id": "f-due_after"}),
    ("due_after", "Due after", "2027-03-31", {"type": "date", "id": "f-due_after"}),
    ("ref", "Ref", None, {"hint": "Like 1.2", "width": 10}),
]


@pytest.mark.parametrize(("name", "label", "value", "options"), INPUTS)
def test_an_input_is_what_the_template_built_and_drew(
    name: str, label: str, value: Any, options: dict[str, Any]
) -> None:
    wanted = str(old().text_input(name, label, value, **options))
    assert "<input" in wanted
    assert str(new().text_input(name, label, value, **options)) == wanted
    assert str(new().text_input(name, label, value, **options)) == wanted, "kept"


def test_a_button_is_what_the_macro_draws() -> None:
    wanted = str(old().button({"text": "Filter <now>"}))
    assert str(new().button("Filter <now>")) == wanted
    assert str(new().button("Filter <now>")) == wanted
    small = str(new().button("Go", variant="secondary", small=True))
    assert small == str(old().button({"text": "Go", "variant": "secondary", "small": True}))


def test_other_options_or_another_choice_are_drawn_anew_never_kept_ones() -> None:
    first = str(new().select("theme", "Theme", THEMES, 3, blank="Any"))
    renamed = [(3, "Start well renamed"), *THEMES[1:]]
    after_rename = str(new().select("theme", "Theme", renamed, 3, blank="Any"))
    assert "Start well renamed" in after_rename and "Start well renamed" not in first
    other = str(new().select("theme", "Theme", [(40, "Elsewhere")], None, blank="Any"))
    assert "Elsewhere" in other and "Start well" not in other
    chosen = str(new().select("theme", "Theme", THEMES, 11, blank="Any"))
    assert chosen != first and 'value="11" selected' in chosen
    assert 'value="3" selected' in first and 'value="3" selected' not in chosen


def test_text_is_escaped_and_markup_is_drawn_as_markup() -> None:
    html = str(new().select("theme", "Theme <x>", THEMES, None))
    assert "Live &lt;well&gt; &amp; &#34;work&#34;" in html and "<well>" not in html
    assert "<b>Age</b> well" in html and "Theme &lt;x&gt;" in html
    typed = str(new().text_input("q", "Search", "<script>", type="search"))
    assert "<script>" not in typed and "&lt;script&gt;" in typed


def test_a_date_given_as_its_iso_text_draws_as_the_date_did() -> None:
    """The action list hands its date filters over as text, which the cache keeps."""
    day = dt.date(2027, 3, 31)
    wanted = str(old().text_input("due_after", "Due after", day, type="date"))
    assert str(new().text_input("due_after", "Due after", day.isoformat(), type="date")) == wanted
    assert len(cache._drawn) == 1
