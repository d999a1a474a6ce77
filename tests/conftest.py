"""What every test shares: a fast password hasher, and worlds built once per test module.

Building a world (factories, four users, the whole demo strategy) costs far more than the
test that reads it. `world`, `url_world` and `demo` are therefore built once per module,
inside a transaction that is rolled back when the module ends; each test runs in a savepoint
within it (pytest-django's `db`), so whatever one test writes is gone before the next, and
each test is handed fresh objects read back from the database rather than ones an earlier
test may have changed in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.test.utils import override_settings

from tests.accounts.url_world import UrlWorld, build_url_world, keep_worker_alive
from tests.delivery_world import World, build_world
from tests.shared_data import (
    DEMO_MOMENT,
    DEMO_PASSWORD,
    demo_loaded,
    fresh,
    fresh_fields,
    rolled_back,
)
from tests.smtp import smtp_server, smtp_session_server
from wellboard.strategy.models import Strategy

MD5 = "django.contrib.auth.hashers.MD5PasswordHasher"
__all__ = ["DEMO_PASSWORD", "smtp_server", "smtp_session_server"]


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing() -> Iterator[None]:
    """PBKDF2's deliberate slowness is for production; tests sign in thousands of times."""
    with override_settings(PASSWORD_HASHERS=[MD5]):
        yield


@pytest.fixture(scope="session", autouse=True)
def own_static_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """`wellboard serve` (so `make run`) collects hashed static files into build/static; the
    suite must not read that manifest, or its pages would name files the finders never saw."""
    with override_settings(STATIC_ROOT=tmp_path_factory.mktemp("static")):
        yield


@pytest.fixture
def fast_password_hasher(fast_password_hashing: None) -> None:
    """The name tests used before the session-wide fixture; it now has nothing left to do."""


@pytest.fixture(scope="module")
def _module_world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    with rolled_back(django_db_blocker):
        yield build_world()


@pytest.fixture
def world(db: None, _module_world: World) -> World:
    """tests/delivery_world.py's two partnerships, one user in each role and a stranger."""
    return fresh_fields(_module_world)


@pytest.fixture(scope="module")
def _module_url_world(django_db_setup: None, django_db_blocker: Any) -> Iterator[UrlWorld]:
    with rolled_back(django_db_blocker):
        yield build_url_world()


@pytest.fixture
def url_world(db: None, _module_url_world: UrlWorld) -> UrlWorld:
    """tests/accounts/url_world.py: a record of every kind a URL names, a user per role."""
    keep_worker_alive()
    return fresh_fields(_module_url_world)


@pytest.fixture(scope="module")
def _module_demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[Strategy]:
    with demo_loaded(django_db_blocker) as strategy:
        yield strategy


@pytest.fixture
def demo(db: None, _module_demo: Strategy) -> Iterator[Strategy]:
    """The demo strategy and its users (admin, lead1, lead2, board1; DEMO_PASSWORD), on the
    demo's own day: its calendar and rounds are dated from the day it is loaded, so loading
    and testing on the real date would make the reports' figures depend on it."""
    with time_machine.travel(DEMO_MOMENT, tick=True):
        yield fresh(_module_demo)
