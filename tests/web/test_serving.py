"""Serving: threaded gunicorn workers sized from the machine, static files hashed,
compressed and cached for years once collected (docs/serving.md)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from whitenoise.compress import Compressor

from wellboard.web.management.commands.serve import default_workers, gunicorn_settings

pytestmark = pytest.mark.django_db


def test_threaded_workers_one_per_cpu() -> None:
    found = gunicorn_settings("127.0.0.1", 8000, default_workers(), 4)
    assert found["worker_class"] == "gthread" and found["threads"] == 4
    assert found["workers"] == max(2, len(os.sched_getaffinity(0)))


def test_database_connections_persist_and_are_checked() -> None:
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] >= 60
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


# Every file is collected and hashed as in production, but the third-party source maps
# (7 of the 13 MB: developer tools fetch them, no page links them, nothing here reads them)
# are not Brotli-compressed: that was half of the test's CPU time.
NOT_COMPRESSED = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]


def test_collected_static_files_are_hashed_compressed_and_cached_for_years(
    tmp_path: Path,
) -> None:
    with override_settings(
        STATIC_ROOT=tmp_path, WHITENOISE_SKIP_COMPRESS_EXTENSIONS=NOT_COMPRESSED
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        html = Client().get("/accounts/login/").content.decode()
        css = re.search(r'href="(/static/wellboard/build/wellboard\.[0-9a-f]{12}\.css)"', html)
        assert css is not None, "the page links to the plain name"
        response = Client().get(css.group(1), headers={"accept-encoding": "gzip, br"})
        assert response.status_code == 200
        assert response["Content-Encoding"] in {"br", "gzip"}
        assert "immutable" in response["Cache-Control"]
        assert "max-age=315360000" in response["Cache-Control"]
        plain = b"".join(response.streaming_content)  # type: ignore[attr-defined]
        assert len(plain) < (tmp_path / css.group(1).removeprefix("/static/")).stat().st_size
