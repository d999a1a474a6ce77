"""Rules every Jinja template keeps: paths from url(), htmx loaded once, forms from one module."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from tests.factories import MembershipFactory

PACKAGE = Path(__file__).resolve().parents[2] / "wellboard"
TEMPLATES = sorted(PACKAGE.rglob("*.jinja"))
FORMS_MODULE = PACKAGE / "web" / "jinja2" / "web" / "forms.jinja"
LAYOUT = PACKAGE / "web" / "jinja2" / "web" / "layout.jinja"

# `href="/…"` in markup, or `"href": "/…"` in the parameters of an NHS.UK macro.
HARD_CODED_PATH = re.compile(
    r"""\b(?:href|action|src|hx-get|hx-post)\s*=\s*["']/"""
    r"""|["'](?:href|action|src)["']\s*:\s*["']/"""
)
HTMX_SCRIPT = re.compile(r"<script\b[^>]*htmx[^>]*>", re.IGNORECASE)
# Form controls, error summaries and data tables are drawn only by web/forms.jinja.
HAND_DRAWN = re.compile(
    r"<(?:input|select|textarea|button|table)\b|nhsuk-error-summary|nhsuk-error-message"
)
# The board report's tables are shared with the PDF and keep the report's own styles.
REPORT_DOCUMENT = PACKAGE / "reports" / "jinja2" / "reports" / "_document.jinja"


def findings(pattern: re.Pattern[str], paths: list[Path]) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in paths
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_the_patterns_catch_what_they_are_for() -> None:
    for bad in (
        '<a href="/actions/">',
        "<form method=\"post\" action='/accounts/logout/'>",
        '<img src="/static/x.png">',
        '{"href": "/reports/", "text": "Reports"}',
    ):
        assert HARD_CODED_PATH.search(bad), bad
    for good in (
        "<a href=\"{{ url('strategy:actions') }}\">",
        '<a href="?copy=1">',
        '<a href="#comments">',
        '{"href": url("web:home")}',
        '<a href="https://www.nhs.uk/">',
    ):
        assert not HARD_CODED_PATH.search(good), good
    assert HTMX_SCRIPT.search("<script src=\"{{ static('vendor/htmx/htmx.min.js') }}\" defer>")
    assert HAND_DRAWN.search('<input type="hidden" name="x">')
    assert len(TEMPLATES) > 40 and LAYOUT in TEMPLATES and FORMS_MODULE in TEMPLATES


def test_no_template_hard_codes_a_path() -> None:
    assert findings(HARD_CODED_PATH, TEMPLATES) == []


def test_htmx_is_loaded_once_by_the_layout() -> None:
    in_layout = findings(HTMX_SCRIPT, [LAYOUT])
    assert len(in_layout) == 1
    assert findings(HTMX_SCRIPT, TEMPLATES) == in_layout


def test_forms_errors_and_tables_are_drawn_only_by_the_forms_module() -> None:
    others = [path for path in TEMPLATES if path not in (FORMS_MODULE, REPORT_DOCUMENT)]
    assert findings(HAND_DRAWN, others) == []
    assert findings(re.compile(r"<(?:input|select|textarea|button)\b"), [REPORT_DOCUMENT]) == []


@pytest.mark.django_db
def test_a_page_with_a_live_filter_loads_htmx_once() -> None:
    client = Client()
    client.force_login(MembershipFactory().user)
    for path in ("/", "/actions/"):
        html = client.get(path).content.decode()
        assert html.count("htmx.min.js") == 1, path
