"""`wellboard restore` refuses, in one line with exit status 2 and nothing written, a file
that is damaged, of another format or version, or a partnership that already exists."""

from __future__ import annotations

import gzip
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.factories import PartnershipFactory, StrategyFactory
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Strategy

pytestmark = pytest.mark.django_db


def _backup(tmp_path: Path) -> tuple[Path, Partnership]:
    strategy = StrategyFactory()
    out = tmp_path / "p.json"
    call_command("backup", "--partnership", str(strategy.partnership_id), "--out", str(out))
    return out, strategy.partnership


def _refused(path: Path) -> str:
    before = (Partnership.objects.count(), Strategy.objects.count())
    with pytest.raises(CommandError) as caught:
        call_command("restore", str(path), stdout=StringIO())
    assert caught.value.returncode == 2
    assert "\n" not in str(caught.value) and str(caught.value).startswith(str(path))
    assert (Partnership.objects.count(), Strategy.objects.count()) == before
    return str(caught.value)


def _edited(path: Path, change: object) -> Path:
    document = json.loads(path.read_text())
    change(document)  # type: ignore[operator]
    path.write_text(json.dumps(document))
    return path


def test_a_partnership_that_exists_is_refused(tmp_path: Path) -> None:
    out, partnership = _backup(tmp_path)
    assert f"a partnership called {partnership.name!r} already exists" in _refused(out)


def test_a_damaged_file_is_refused(tmp_path: Path) -> None:
    out, partnership = _backup(tmp_path)
    partnership.delete()
    text = out.read_text()
    out.write_text(text.replace("Joint Health", "Joint Wealth", 1))
    assert "damaged" in _refused(out)
    out.write_text(text[: len(text) // 2])
    assert "not readable JSON" in _refused(out)
    out.write_bytes(gzip.compress(b"\x00garbage"))
    assert "not readable JSON" in _refused(out)


def test_another_format_or_version_is_refused(tmp_path: Path) -> None:
    out, partnership = _backup(tmp_path)
    partnership.delete()
    _edited(out, lambda d: d.update(version=2))
    assert "backup format version 2" in _refused(out)
    _edited(out, lambda d: d.update(format="wellboard-plan", version=1))
    assert "not a Wellboard backup" in _refused(out)


def test_a_backup_from_a_newer_wellboard_is_refused(tmp_path: Path) -> None:
    out, partnership = _backup(tmp_path)
    partnership.delete()
    _edited(out, lambda d: d["migrations"]["strategy"].append("9999_from_the_future"))
    assert "newer Wellboard" in _refused(out)


def test_a_missing_file_and_an_unknown_partnership_are_one_line_errors(tmp_path: Path) -> None:
    assert "No such file" in _refused(tmp_path / "absent.json")
    with pytest.raises(CommandError) as caught:
        call_command("backup", "--partnership", "4242", "--out", str(tmp_path / "x.json"))
    assert caught.value.returncode == 2 and str(caught.value) == "no partnership with id 4242"


def test_a_failure_half_way_rolls_everything_back(tmp_path: Path) -> None:
    out, partnership = _backup(tmp_path)
    partnership.delete()
    PartnershipFactory()

    def break_strategy(document: dict) -> None:  # type: ignore[type-arg]
        for table in document["tables"]:
            if table["model"] == "strategy.strategy":
                table["rows"][0]["fields"]["partnership"] = 999999

    # The checksum is recomputed, so only the restore itself can find the fault.
    from wellboard.backup.document import checksum

    def broken(document: dict) -> None:  # type: ignore[type-arg]
        break_strategy(document)
        document["sha256"] = checksum(document["tables"])

    _edited(out, broken)
    _refused(out)
