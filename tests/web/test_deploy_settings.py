"""Production settings: a long SECRET_KEY, HSTS and the TLS proxy header from the
environment, and `check --deploy` clean when the documented variables are set (#12.12)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

LONG_KEY = "k" * 20 + "-production-key-of-fifty-or-more-characters-2026"
DEPLOY_ENV = {
    "SECRET_KEY": LONG_KEY,
    "ALLOWED_HOSTS": "wellboard.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://wellboard.example.org",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_PRELOAD": "true",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_PROXY_SSL_HEADER": "true",
}


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SECURE_", "DJANGO_", "PYTEST_"))
        and k not in ("SECRET_KEY", "DEBUG", "WELLBOARD_ALLOW_INSECURE_KEY", "ALLOWED_HOSTS")
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        env=clean | {"DJANGO_SETTINGS_MODULE": "wellboard.settings"} | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_short_secret_key_is_refused_with_a_clear_message() -> None:
    done = _run("import wellboard.settings", SECRET_KEY="short-key-of-thirty-characters")
    assert done.returncode != 0
    assert "SECRET_KEY is 30 characters long: use at least 50" in done.stderr


def test_hsts_and_the_proxy_header_come_from_the_environment() -> None:
    code = (
        "import wellboard.settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER)"
    )
    done = _run(code, **DEPLOY_ENV)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(None, 2) == [
        "31536000",
        "True",
        "('HTTP_X_FORWARDED_PROTO', 'https')\n",
    ]
    plain = _run(code, SECRET_KEY=LONG_KEY)
    assert plain.stdout.split(None, 2) == ["0", "False", "None\n"]


@pytest.mark.parametrize("extra", [{}, {"SECURE_HSTS_SECONDS": "0"}])
def test_check_deploy(extra: dict[str, str]) -> None:
    done = _run(
        "import django, sys; from django.core.management import call_command; django.setup(); "
        "call_command('check', deploy=True, fail_level='WARNING')",
        **DEPLOY_ENV | extra,
    )
    if extra:  # without HSTS the check warns: the variable is needed
        assert done.returncode != 0 and "security.W004" in done.stderr
    else:
        assert done.returncode == 0, done.stderr
        assert "no issues" in done.stdout
