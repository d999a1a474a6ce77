"""Under the Content Security Policy the pages still run their scripts, and the browser
reports no violation (issue #12.12)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.delivery_world import World, build_world

# A live server needs committed rows: a world of its own, not the module's shared one
# (which is held in a transaction the live server cannot see, and PostgreSQL cannot truncate).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(fast_password_hasher: None) -> World:
    return build_world()


def test_pages_run_under_the_policy_without_violations(
    local_page: Any, live_server: Any, world: World
) -> None:
    page, base = local_page, live_server.url
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    for path in ("/", f"/public/strategies/{world.strategy.pk}/", "/accounts/login/"):
        response = page.goto(base + path)
        assert (
            response is not None
            and "script-src 'self'" in response.headers["content-security-policy"]
        )
        page.wait_for_function("document.body.classList.contains('nhsuk-frontend-supported')")
    assert blocked == []
