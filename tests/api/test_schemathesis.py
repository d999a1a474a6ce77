"""Schemathesis against the schema the app serves: for every operation, a few generated
requests with a writing administrator's token, and every answer must be no server error,
a documented status with its documented content type, headers and body.

A handful of examples per operation keeps it under a minute in `make test`; Hypothesis
draws small ids, so requests reach real records of the world as well as missing ones.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.helpers import token_for
from tests.delivery_world import World
from wellboard.wsgi import application

pytestmark = pytest.mark.django_db
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@contextlib.contextmanager
def _one_connection() -> Iterator[None]:
    """Requests go through the real WSGI handler, whose start- and end-of-request signals
    would close the connection holding the test's transaction; Django's test client keeps
    it open the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def _served_schema(django_db_setup: None, django_db_blocker: Any) -> Any:
    """Read from the app once: generating the document is the slow part."""
    with django_db_blocker.unblock(), _one_connection():
        return schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


@pytest.fixture
def api_schema(_served_schema: Any) -> Any:
    return _served_schema


@pytest.fixture
def bearer(world: World, settings: Any) -> Iterator[dict[str, str]]:
    settings.WELLBOARD_API_RATE = "100000/min"  # this test is one very busy client
    with _one_connection():
        yield {"Authorization": f"Bearer {token_for(world.admin, world.strategy.partnership)}"}


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_to_its_schema(case: Any, bearer: dict[str, str]) -> None:
    case.call_and_validate(headers=bearer, checks=CHECKS)
