"""A helper the worker-process tests run as `python -m tests.tasks.queue_probe COMMAND`.

It talks to the database named by DATABASE_URL, the one the worker processes under test
use, which is not this test run's own database: it queues tasks and asks /healthz, for
commands given as a JSON list (`[["start", "refuse"], ["enqueue-rows", "3", "a-"]]`),
and prints their answers as a JSON list. Not a test module.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wellboard.settings")
    import django

    django.setup()
    answers = [COMMANDS[command](*args) for command, *args in json.loads(argv[0])]
    print(json.dumps(answers))


def enqueue_rows(count: str, prefix: str, hold: str = "0", first_hold: str = "") -> list[str]:
    from tests.tasks.sample_tasks import append_row

    ids = []
    for number in range(int(count)):
        kwargs: dict[str, Any] = {"key": f"{prefix}{number}", "hold": float(hold)}
        if first_hold:
            kwargs["first_hold"] = float(first_hold)
        ids.append(str(append_row.enqueue(**kwargs).id))
    return ids


def start_task(name: str) -> str:
    from tests.tasks import sample_tasks
    from wellboard.tasks.background import start

    return str(start(getattr(sample_tasks, name), title=name).task_result_id)


def healthz() -> dict[str, Any]:
    from django.test import Client

    response = Client(HTTP_HOST="localhost").get("/healthz")
    return {"status": response.status_code, "body": response.content.decode()}


def page(path: str) -> dict[str, Any]:
    """A page as an anonymous visitor gets it through the real WSGI handler.

    Not the test client, which skips the request signals that recycle connections.
    """
    from wsgiref.util import setup_testing_defaults

    from django.core.handlers.wsgi import WSGIHandler

    environ: dict[str, Any] = {"PATH_INFO": path, "HTTP_HOST": "localhost"}
    setup_testing_defaults(environ)
    started: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        started.update(status=int(status.split()[0]), headers=dict(headers))

    response = WSGIHandler()(environ, start_response)
    try:
        body = b"".join(response).decode()
    finally:
        response.close()
    return {
        "status": started["status"],
        "body": body,
        "retry_after": started["headers"].get("Retry-After"),
    }


def page_after_disconnect(path: str) -> list[dict[str, Any]]:
    """A page, then the server drops every connection (as a restart does), then the page."""
    import psycopg
    from django.db import connection

    first = page(path)
    pid = connection.connection.info.backend_pid if connection.connection else None
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    return [first, page(path)]


COMMANDS = {
    "enqueue-rows": enqueue_rows,
    "start": start_task,
    "healthz": healthz,
    "page": page,
    "page-after-disconnect": page_after_disconnect,
}

if __name__ == "__main__":
    main(sys.argv[1:])
