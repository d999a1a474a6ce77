"""The API's rate holds across server processes: two processes (as two gunicorn workers
would be) sharing one database let a token through its rate once, not once each."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from tests.tasks.processes import ROOT, QueueDatabase, migrated_database

RATE, EACH = 10, 8  # two processes of 8 requests against 10 an hour


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[QueueDatabase]:
    """A migrated database of its own that separate processes reach (a file, on SQLite)."""
    with migrated_database(settings.DATABASES["default"], tmp_path_factory.mktemp("rate")) as found:
        yield found


def _token(database: QueueDatabase) -> str:
    """A member and their token, made with the `wellboard` commands an operator uses."""
    env = {**database.env(), "WELLBOARD_SETUP_PASSWORD": "a long test password 1"}
    made = [sys.executable, "-m", "wellboard.cli", "setup", "--partnership", "Northshire"]
    made += ["--username", "officer", "--email", "officer@example.org"]
    subprocess.run(made, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    token = database.run("-m", "wellboard.cli", "api-token", "create", "--user", "officer")
    return next(word for word in token.split() if word.startswith("wb_"))


def _start(database: QueueDatabase, token: str, log: Path) -> subprocess.Popen[str]:
    env = {**database.env(), "WELLBOARD_API_RATE": f"{RATE}/hour"}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.api.rate_probe", token, str(EACH)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log.open("w"),
        text=True,
    )


def _clear_of_the_hour() -> None:
    """Both processes' requests fall in one hour's window: never start in its last minute."""
    now = dt.datetime.now(dt.UTC)
    left = 3600 - (now.minute * 60 + now.second)
    if left < 60:
        time.sleep(left + 1)


def test_two_processes_share_one_count(database: QueueDatabase, tmp_path: Path) -> None:
    token = _token(database)
    probes = [_start(database, token, tmp_path / f"probe-{n}.log") for n in (1, 2)]
    try:
        for probe in probes:
            assert probe.stdout is not None
            assert probe.stdout.readline().strip() == "ready", (
                tmp_path / "probe-1.log"
            ).read_text()
        _clear_of_the_hour()
        for probe in probes:
            assert probe.stdin is not None
            probe.stdin.write("go\n")
            probe.stdin.flush()
        answers = [json.loads(probe.communicate(timeout=120)[0]) for probe in probes]
    finally:
        for probe in probes:
            if probe.poll() is None:
                probe.kill()
    statuses = answers[0] + answers[1]
    assert all(len(a) == EACH for a in answers)
    assert statuses.count(200) == RATE, answers
    assert statuses.count(429) == 2 * EACH - RATE, answers
