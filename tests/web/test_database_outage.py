"""A database outage gives a clear 503 page, and a restart costs no request (issue #12.13).

Both run the site in a child process against a database that is really unreachable or
really drops its connections: the closed port 1 on loopback, and a private PostgreSQL
server (never the shared one) whose backends are terminated as a restart would.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tasks.processes import PrivatePostgres, QueueDatabase


@pytest.mark.parametrize("path", ["/", "/organisations/1/"])
def test_pages_answer_a_clear_503_while_the_database_is_down(tmp_path: Path, path: str) -> None:
    unreachable = QueueDatabase("postgres://root@127.0.0.1:1/wellboard", tmp_path)
    [answer] = unreachable.probe(("page", path))
    assert answer["status"] == 503
    assert "Wellboard is unavailable for a moment" in answer["body"]
    assert "Traceback" not in answer["body"]
    assert answer["retry_after"] == "60"


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[QueueDatabase]:
    if not PrivatePostgres.available():
        pytest.skip("PostgreSQL 15 server binaries are not installed")
    postgres = PrivatePostgres(Path(tempfile.mkdtemp(prefix="wellboard-pg-")))
    try:
        postgres.create()
        database = QueueDatabase(postgres.url, tmp_path_factory.mktemp("outage"))
        database.migrate()
        yield database
    finally:
        postgres.destroy()


def test_the_first_request_after_the_database_drops_connections_is_served(
    migrated: QueueDatabase,
) -> None:
    before, after = migrated.probe(("page-after-disconnect", "/"))[0]
    assert before["status"] == 200
    assert after["status"] == 200, after["body"][:300]
