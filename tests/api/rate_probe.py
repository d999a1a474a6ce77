"""A helper the rate-limit test runs as `python -m tests.api.rate_probe TOKEN COUNT` in
two processes at once, against the database named by DATABASE_URL (not the test run's).

It starts Django, prints "ready", waits for a line on its standard input (so both
processes send their requests together, whatever each took to start), then makes COUNT
API requests with the token and prints their status codes as a JSON list. Not a test
module.
"""

from __future__ import annotations

import json
import os
import sys


def main(token: str, count: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wellboard.settings")
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the client's "testserver" host in
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    print("ready", flush=True)
    sys.stdin.readline()
    statuses = [client.get("/api/v1/partnerships/").status_code for _ in range(count)]
    print(json.dumps(statuses), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
