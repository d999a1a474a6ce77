"""Which links may be stored and drawn as live links: http, https and mailto only."""

from __future__ import annotations

import pytest

from wellboard.core.links import link_problem


@pytest.mark.parametrize(
    "link",
    [
        "",
        "https://www.brookvale.gov.uk/carers",
        "http://example.org/a?b=c#d",
        "HTTPS://EXAMPLE.ORG",
        "mailto:carers@brookvale.gov.uk",
    ],
)
def test_safe_links_pass(link: str) -> None:
    assert link_problem(link) is None


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "ftp://example.org/file",
        "//evil.example/x",
        "https:alert(1)",
        "https://",
        "mailto:",
        "www.example.org",
    ],
)
def test_unsafe_links_are_refused_with_a_message(link: str) -> None:
    problem = link_problem(link)
    assert problem is not None
    assert "https://" in problem and "\n" not in problem
