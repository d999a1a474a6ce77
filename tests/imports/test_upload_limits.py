"""The settings' memory and time limits reach every upload (issue #12.6).

A workbook that passes the archive check but takes far more memory to read than its
size suggests is refused on the upload page with one line once the limit is low, and the
same web process then reads the next upload as usual.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.core.parsing.fixtures.bombs import write_many_strings
from tests.imports.conftest import PLAN_CSV
from tests.imports.test_views import _client, _text, _upload
from wellboard.imports.models import ImportRun

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def many_strings(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_many_strings(
        tmp_path_factory.mktemp("strings") / "plan.xlsx", 200_000
    ).read_bytes()


def test_an_upload_needing_more_memory_than_the_setting_is_refused(
    settings: Any, many_strings: bytes
) -> None:
    settings.WELLBOARD_IMPORT_MEMORY_MB = 16
    client = _client()
    response = _upload(client, "plan.xlsx", many_strings)
    assert response.status_code == 400
    assert (
        "plan.xlsx: the file is too large to read: reading it needs more than the 16 MB of "
        "memory an upload may use" in _text(response)
    )
    assert not ImportRun.objects.exclude(source=None).exists()
    assert _upload(client, "tarnside-plan.csv", PLAN_CSV).status_code == 302


def test_an_upload_taking_longer_than_the_setting_is_refused(
    settings: Any, many_strings: bytes
) -> None:
    settings.WELLBOARD_IMPORT_CPU_SECONDS = 1
    response = _upload(_client(), "plan.xlsx", many_strings)
    assert response.status_code == 400
    assert "reading it takes longer than the 1 second an upload may use" in _text(response)
