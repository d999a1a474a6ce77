"""The layout's NHS.UK macros drawn once per set of parameters (web/drawn_once.py): the
same HTML as the macro draws, never one person's menu for another's, text escaped as the
macro escapes it."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import engines
from markupsafe import Markup

from wellboard.web import drawn_once as module
from wellboard.web.drawn_once import drawn_once, frozen


def macro(component: str, name: str) -> Any:
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    return getattr(env.get_template(f"nhsuk/components/{component}/macro.jinja").module, name)


def header_params(items: list[tuple[str, str]], signed_in: bool = True) -> dict[str, Any]:
    return {
        "service": {"text": "Wellboard", "href": "/"},
        "account": {"items": [] if signed_in else [{"href": "/login/", "text": "Sign in"}]},
        "navigation": {
            "items": [
                {"href": href, "text": text, "current": False, "active": False}
                for text, href in items
            ]
        },
    }


ADMIN = [("Strategies", "/strategies/"), ("Approvals (3)", "/approvals/"), ("Members", "/m/")]
LEAD = [("Strategies", "/strategies/"), ("My actions", "/my/actions/")]


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    module._drawn.clear()


def test_the_header_is_what_the_macro_draws_and_is_drawn_once() -> None:
    header = macro("header", "header")
    first = drawn_once(header, header_params(ADMIN))
    assert first == header(header_params(ADMIN))
    assert "Approvals (3)" in first
    assert drawn_once(header, header_params(ADMIN)) is first, "the second time comes kept"


def test_each_menu_gets_its_own_header() -> None:
    header = macro("header", "header")
    admin = drawn_once(header, header_params(ADMIN))
    lead = drawn_once(header, header_params(LEAD))
    signed_out = drawn_once(header, header_params([], signed_in=False))
    assert "Members" in admin and "Members" not in lead and "My actions" in lead
    assert "Sign in" in signed_out and "Sign in" not in admin
    assert lead == header(header_params(LEAD))
    count_changed = drawn_once(header, header_params([("Approvals (4)", "/approvals/")]))
    assert "Approvals (4)" in count_changed and "Approvals (3)" not in count_changed


def test_text_is_escaped_and_markup_is_not_confused_with_it() -> None:
    breadcrumb = macro("breadcrumb", "breadcrumb")
    text = "<b>Plan</b>"
    plain = drawn_once(breadcrumb, {"items": [{"text": text, "href": "/p/"}]})
    marked = drawn_once(breadcrumb, {"items": [{"text": Markup(text), "href": "/p/"}]})
    assert "&lt;b&gt;Plan" in plain and "<b>Plan</b>" not in plain
    assert plain == breadcrumb({"items": [{"text": text, "href": "/p/"}]})
    assert marked != plain


def test_values_of_other_types_are_drawn_but_not_kept() -> None:
    class Title:
        def __str__(self) -> str:
            return "A title"

    footer = macro("footer", "footer")
    params = {"meta": {"items": [{"href": "/x/", "text": Title()}]}}
    assert drawn_once(footer, params) == footer(params)
    assert "A title" in drawn_once(footer, params)
    assert module._drawn == {}
    with pytest.raises(module._NotCacheable):
        frozen({"text": Title()})


def test_true_and_one_are_different_keys() -> None:
    assert frozen({"a": True}) != frozen({"a": 1})
    assert frozen({"a": "x"}) != frozen({"a": Markup("x")})


def test_the_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "MAX_ENTRIES", 3)
    breadcrumb = macro("breadcrumb", "breadcrumb")
    for i in range(10):
        drawn_once(breadcrumb, {"items": [{"text": f"Page {i}", "href": f"/{i}/"}]})
        assert len(module._drawn) <= 3


BUTTONS = [
    ('"Save"', {"text": "Save"}),
    ('"Merge", variant="secondary", name="keep", value="first"',
     {"text": "Merge", "variant": "secondary", "name": "keep", "value": "first"}),
    ('"Add an update", href="/actions/1/update/"',
     {"text": "Add an update", "href": "/actions/1/update/"}),
    ('"Move up", variant="secondary", name="direction", value="up", small=true',
     {"text": "Move up", "variant": "secondary", "name": "direction", "value": "up",
      "small": True}),
    ('"<b>Go</b>", classes="x", attributes={"data-y": "1"}',
     {"text": "<b>Go</b>", "classes": "x", "attributes": {"data-y": "1"}}),
]  # fmt: skip


@pytest.mark.parametrize(("call", "params"), BUTTONS)
def test_forms_button_draws_what_the_macro_draws_once(call: str, params: dict[str, Any]) -> None:
    """web/forms.jinja's button (every page's buttons) is drawn once per set of its
    parameters: the same HTML as the NHS.UK macro given them, text escaped."""
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    source = '{% import "web/forms.jinja" as forms %}{{ forms.button(' + call + ") }}"
    page = env.from_string(source)
    drawn = page.render()
    assert drawn.strip() == str(macro("button", "button")(params)).strip()
    assert "<b>" not in drawn
    assert len(module._drawn) == 1, "kept"
    assert page.render() == drawn
    assert len(module._drawn) == 1, "drawn from what was kept"


SIGN_OUT = {
    "text": "Sign out",
    "variant": "secondary",
    "small": True,
    "classes": "nhsuk-u-margin-bottom-0 nhsuk-u-margin-left-2",
}


@pytest.mark.django_db
def test_the_layouts_sign_out_button_is_the_macros_drawn_once(client: Any) -> None:
    """Every signed-in page's sign-out button: the NHS.UK macro's HTML, kept once."""
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="ada"))
    expected = str(macro("button", "button")(SIGN_OUT))
    assert expected in client.get("/").content.decode()
    key = (module._identity(macro("button", "button")), frozen(SIGN_OUT))
    assert str(module._drawn[key]) == expected
    assert expected in client.get("/").content.decode()
