"""A small .xlsx whose shared strings inflate far beyond the cap, down every reader path.

Issue #12.6: the archive check refused it, but the column-mapping helper then opened the
same upload by name with openpyxl, unchecked. Now the file is checked once and the
checked file, not its name, is what every reader gets, and every path that reads an
upload (preview, column mapping, confirm, sheet update, the background task, the
`wellboard import` command, the indicator upload) refuses it with one line.
"""

from __future__ import annotations

import html
import re
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.core.parsing.fixtures.bombs import write_bomb
from tests.factories import IndicatorFactory, StrategyFactory
from tests.imports.test_views import _client, _upload
from wellboard.core.parsing import PlanImportError, check_upload
from wellboard.imports.models import ImportRun
from wellboard.imports.services import parse_run
from wellboard.indicators.models import IndicatorValue
from wellboard.strategy.models import Action, Strategy

pytestmark = pytest.mark.django_db
REFUSAL = (
    r"plan\.xlsx: part 'xl/sharedStrings\.xml' is compressed \d+:1, which looks like a zip bomb"
)


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_bomb(tmp_path_factory.mktemp("bomb") / "bomb.xlsx").read_bytes()


def _one_line(text: str) -> str:
    found = re.search(REFUSAL, " ".join(html.unescape(text).split()))
    assert found, text[:2000]
    return found.group(0)


def _stored_run(client: Any, data: bytes, **fields: Any) -> ImportRun:
    """A run holding the bomb, as an upload that was read before the fix would leave it."""
    return ImportRun.objects.create(
        partnership=client.partnership,
        file_name="plan.xlsx",
        source=data,
        **fields,
    )


def test_the_bomb_is_small_on_disk(bomb: bytes) -> None:
    assert len(bomb) < 1024 * 1024


def test_checking_refuses_it_without_inflating_it(bomb: bytes) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(PlanImportError) as caught:
            check_upload(bomb, "plan.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert _one_line(str(caught.value)) == str(caught.value)
    assert peak < 20 * 1024 * 1024, f"{peak / 1048576:.0f} MB used checking a refused file"


def test_the_upload_preview_refuses_it_with_a_form_error(bomb: bytes) -> None:
    client = _client()
    response = _upload(client, "plan.xlsx", bomb)
    assert response.status_code == 400
    _one_line(response.content.decode())
    assert not ImportRun.objects.exclude(source=None).exists()


def test_a_sheet_update_over_a_strategy_refuses_it(bomb: bytes) -> None:
    client = _client()
    strategy = StrategyFactory(partnership=client.partnership)
    response = _upload(client, "plan.xlsx", bomb, target=str(strategy.pk))
    assert response.status_code == 400
    _one_line(response.content.decode())


def test_the_column_mapping_step_refuses_it_and_offers_no_headers(bomb: bytes) -> None:
    client = _client()
    run = _stored_run(
        client, bomb, status=ImportRun.Status.FAILED, unmapped_headers=["Carried out by", "Due"]
    )
    response = client.post(reverse("imports:mapping", args=[run.pk]), {"column_0": "lead"})
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert run.unmapped_headers == []
    _one_line(run.error)


def test_the_background_reading_refuses_it(bomb: bytes) -> None:
    client = _client()
    run = parse_run(_stored_run(client, bomb, status=ImportRun.Status.QUEUED))
    assert run.status == ImportRun.Status.FAILED
    assert run.document is None and run.unmapped_headers == []
    _one_line(run.error)


def test_confirming_it_saves_nothing_and_says_why(bomb: bytes) -> None:
    client = _client()
    run = parse_run(_stored_run(client, bomb, status=ImportRun.Status.QUEUED))
    before = (Strategy.objects.count(), Action.objects.count())
    response = client.post(
        reverse("imports:confirm", args=[run.pk]), {"plan_state": ""}, follow=True
    )
    assert response.status_code == 200
    assert "already been confirmed or discarded" in response.content.decode()
    assert (Strategy.objects.count(), Action.objects.count()) == before


def test_the_import_command_refuses_it_with_exit_status_2(bomb: bytes, tmp_path: Path) -> None:
    client = _client()
    path = tmp_path / "plan.xlsx"
    path.write_bytes(bomb)
    strategy = StrategyFactory(partnership=client.partnership)
    for extra in ([], ["--dry-run"], ["--strategy", str(strategy.pk)]):
        with pytest.raises(CommandError) as caught:
            call_command("import", str(path), "--partnership", str(client.partnership.pk), *extra)
        assert caught.value.returncode == 2
        message = str(caught.value)
        assert "\n" not in message
        assert re.search(r"part 'xl/sharedStrings\.xml' is compressed \d+:1", message)
    assert not ImportRun.objects.exists()


def test_the_indicator_upload_refuses_it_with_a_form_error(bomb: bytes) -> None:
    client = _client()
    indicator = IndicatorFactory(partnership=client.partnership, unit="%")
    upload = SimpleUploadedFile("values.xlsx", bomb)
    response = client.post(
        f"/indicators/{indicator.pk}/upload/",
        {"method": "wilson", "multiplier": "", "file": upload},
    )
    assert response.status_code == 400
    assert "nhsuk-error-summary" in response.content.decode()
    assert not IndicatorValue.objects.filter(indicator=indicator).exists()
