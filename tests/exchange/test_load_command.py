"""`wellboard load` and `wellboard export`: one-line errors, exit status 2, nothing written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from wellboard.partnerships.models import Organisation, Partnership
from wellboard.strategy.models import Action, Strategy

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, int, int, int]:
    return (
        Partnership.objects.count(),
        Organisation.objects.count(),
        Strategy.objects.count(),
        Action.objects.count(),
    )


def _load_fails(path: Path, *extra: str) -> str:
    with pytest.raises(CommandError) as caught:
        call_command("load", str(path), *extra)
    assert caught.value.returncode == 2
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return message


def test_load_then_export_round_trips_through_the_commands(
    small_plan: dict[str, Any], tmp_path: Path
) -> None:
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(small_plan))
    out = StringIO()
    call_command("load", str(source), stdout=out)
    strategy = Strategy.objects.get()
    assert f"Loaded strategy {strategy.pk}" in out.getvalue()
    exported = StringIO()
    call_command("export", str(strategy.pk), stdout=exported)
    assert json.loads(exported.getvalue())["themes"][0]["title"] == "Caring for carers"


def test_invalid_json_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "wellboard-plan", "version": 1,')
    assert "not valid JSON" in _load_fails(bad)
    assert _counts() == (0, 0, 0, 0)


def test_schema_violation_names_the_place(small_plan: dict[str, Any], tmp_path: Path) -> None:
    small_plan["themes"][0]["priorities"][0]["actions"][0]["due_end"] = "31/03/2026"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(small_plan))
    message = _load_fails(bad)
    assert "themes[0].priorities[0].actions[0].due_end" in message
    assert _counts() == (0, 0, 0, 0)


def test_failure_half_way_leaves_the_database_unchanged(
    small_plan: dict[str, Any], tmp_path: Path
) -> None:
    # Valid by the schema, but the last action's date does not exist: the error comes
    # after the partnership, organisations and first theme were written.
    small_plan["plans"][0]["themes"][0]["priorities"][0]["actions"][0]["due_end"] = "2026-02-30"
    bad = tmp_path / "late.json"
    bad.write_text(json.dumps(small_plan))
    assert "2026-02-30" in _load_fails(bad)
    assert _counts() == (0, 0, 0, 0)


def test_unknown_strategy_id_is_refused(small_plan: dict[str, Any], tmp_path: Path) -> None:
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(small_plan))
    assert "no strategy with id 999" in _load_fails(source, "--strategy", "999")
    assert _counts() == (0, 0, 0, 0)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    assert "No such file" in _load_fails(tmp_path / "absent.json")


def test_export_of_unknown_strategy_exits_2() -> None:
    with pytest.raises(CommandError) as caught:
        call_command("export", "4242")
    assert caught.value.returncode == 2
    assert str(caught.value) == "no strategy with id 4242"


def test_console_command_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    """The installed `wellboard` entry point, as an officer would run it."""
    bad = tmp_path / "bad.json"
    bad.write_text("not json")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "WELLBOARD_ALLOW_INSECURE_KEY": "true",
    }
    result = subprocess.run(
        [sys.executable, "-m", "wellboard.cli", "load", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "bad.json: not valid JSON" in lines[0]
