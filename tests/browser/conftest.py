"""Real-browser tests: Debian's Chromium through Playwright, against Django's live server.

Playwright's sync API runs an event loop in the test thread, which makes Django refuse
database calls there unless told it is safe; it is, since the loop only drives the browser.
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (make setup-system installs it)")
    return {
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(autouse=True)
def fast_password_hasher(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def local_page(page: Any) -> Iterator[Any]:
    """The Playwright page, refusing every request that would leave this machine."""

    def only_loopback(route: Any) -> None:
        host = urlsplit(route.request.url).hostname or ""
        if host in LOOPBACK or route.request.url.startswith(("data:", "about:")):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", only_loopback)
    # A bound on a hung page, not a speed check: with the suite in two processes on a
    # shared, loaded machine, a live server's first page took over 10 s to load.
    page.set_default_timeout(30_000)
    yield page
