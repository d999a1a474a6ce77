from __future__ import annotations

from typing import Any

import pytest

from tests.delivery_world import World, build_world


@pytest.fixture(autouse=True)
def fast_password_hasher(settings: Any) -> None:
    """PBKDF2's deliberate slowness is for production; tests sign in hundreds of times."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db: None, fast_password_hasher: None) -> World:
    return build_world()
