"""The plan-building links and move buttons (strategy/_editing.jinja's `manage`) are drawn
once per set of parameters with a marker for the CSRF field: the markup must be what the
macro drew every time before (held here as it was), for every kind of record, with and
without move buttons, and each page's own token must land in its own form."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import engines
from markupsafe import Markup

# The macro as it was before it was drawn once per set of parameters.
OLD_MANAGE = """{% import "web/forms.jinja" as forms %}
{% macro manage(obj, edit_name, move_name, archive_name, adds=(), csrf="") -%}
<div class="wb-manage">
<ul class="nhsuk-list nhsuk-body-s">
  {% for text, href in adds %}<li><a href="{{ href }}">{{ text }}</a></li>{% endfor %}
  <li><a href="{{ url(edit_name, obj.pk) }}">Edit</a></li>
  <li><a href="{{ url(archive_name, obj.pk) }}">Archive</a></li>
</ul>
{% if move_name %}
<form method="post" action="{{ url(move_name, obj.pk) }}" FORM_CLASS novalidate>
  {{ csrf }}
  <div class="nhsuk-button-group">
  {{ forms.button("Move up", variant="secondary", name="direction", value="up", small=true) }}
  {{ forms.button("Move down", variant="secondary", name="direction", value="down", small=true) }}
  </div>
</form>
{% endif %}
</div>
{%- endmacro %}""".replace("FORM_CLASS", 'class="nhsuk-u-margin-bottom-3"')


class Record:
    def __init__(self, pk: int) -> None:
        self.pk = pk


def token(value: str) -> Markup:
    return Markup(f'<input type="hidden" name="csrfmiddlewaretoken" value="{value}">')


CASES: list[tuple[Any, ...]] = [
    ("strategy:edit_theme", "strategy:move_theme", "strategy:archive_theme",
     [("Add a priority", "/themes/7/priorities/new/")], token("abc")),
    ("strategy:edit_priority", "strategy:move_priority", "strategy:archive_priority",
     [("Add an action", "/priorities/3/actions/new/")], token("def")),
    ("strategy:edit_action", "strategy:move_action", "strategy:archive_action", (), token("x")),
    ("strategy:edit_strategy", None, "strategy:archive_strategy",
     [("Add a theme", "/plans/2/themes/new/"), ("Add a plan or sub-plan", "/s/2/plans/new/")],
     ""),
]  # fmt: skip


@pytest.mark.parametrize("pk", [1, 42])
@pytest.mark.parametrize("case", CASES)
def test_manage_draws_what_the_macro_drew(case: tuple[Any, ...], pk: int) -> None:
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    new = env.get_template("strategy/_editing.jinja").module.manage
    old = env.from_string(OLD_MANAGE).module.manage
    edit, move, archive, adds, csrf = case
    expected = str(old(Record(pk), edit, move, archive, adds=adds, csrf=csrf))
    for _ in range(2):  # drawn, then from the drawn-once cache
        assert str(new(Record(pk), edit, move, archive, adds=adds, csrf=csrf)) == expected
    assert "<!--csrf-->" not in expected
    if move:
        assert str(csrf) in expected and "Move down" in expected


def test_each_request_gets_its_own_token_in_the_cached_form() -> None:
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    manage = env.get_template("strategy/_editing.jinja").module.manage
    args = (Record(5), "strategy:edit_theme", "strategy:move_theme", "strategy:archive_theme")
    first, second = (str(manage(*args, csrf=token(t))) for t in ("one", "two"))
    assert token("one") in first and token("two") not in first
    assert token("two") in second and token("one") not in second
