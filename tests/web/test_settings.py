"""The settings refuse to start a server without a SECRET_KEY, whatever else is imported.

The test suite sets its own key (pyproject.toml, [tool.pytest.ini_options] env), so nothing
in wellboard/settings.py needs to know it is under test.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# Importing pytest first: the settings once let any process that had pytest loaded through.
IMPORT_SETTINGS = "import pytest, wellboard.settings as s; print(s.SECRET_KEY)"


def _settings_in_a_fresh_process(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    clean.pop("WELLBOARD_ALLOW_INSECURE_KEY", None)
    return subprocess.run(
        [sys.executable, "-c", IMPORT_SETTINGS],
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_a_key_the_settings_refuse_even_with_pytest_loaded() -> None:
    done = _settings_in_a_fresh_process()
    assert done.returncode != 0
    assert "Set SECRET_KEY" in done.stderr


@pytest.mark.parametrize("env", [{"SECRET_KEY": "given-key-" + "x" * 50}, {"DEBUG": "true"}])
def test_a_given_key_or_debug_starts(env: dict[str, str]) -> None:
    done = _settings_in_a_fresh_process(**env)
    assert done.returncode == 0, done.stderr
    if "SECRET_KEY" in env:
        assert done.stdout.strip() == env["SECRET_KEY"]


def test_the_suite_runs_with_its_own_key() -> None:
    from django.conf import settings

    assert os.environ["SECRET_KEY"] == settings.SECRET_KEY
    assert "insecure" not in settings.SECRET_KEY
