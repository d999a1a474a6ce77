"""The re-import preview: actions added, changed and no longer in the file (#12.1)."""

from __future__ import annotations

import copy
import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from wellboard.exchange.differences import reimport_preview
from wellboard.exchange.export import export_strategy
from wellboard.exchange.load import load_strategy
from wellboard.history.models import ChangeRecord
from wellboard.strategy.models import Action, Strategy

pytestmark = pytest.mark.django_db


def _changed(document: dict[str, Any]) -> dict[str, Any]:
    """Rename 1.1.1, add 1.1.2 and an update, drop the tobacco sub-plan."""
    changed = copy.deepcopy(document)
    carers = changed["themes"][0]["priorities"][0]["actions"][0]
    carers["title"] = "Offer a health check to every carer"
    carers["updates"].append({"date": "2026-01-31", "text": "Forty practices.", "rag": "green"})
    changed["themes"][0]["priorities"][0]["actions"].append(
        {"ref": "1.1.2", "title": "Train carers' champions"}
    )
    changed["plans"] = []
    changed["themes"][1]["priorities"][0]["sub_plan"] = ""
    return changed


def test_an_unchanged_export_previews_no_change(small_plan: dict[str, Any]) -> None:
    strategy = load_strategy(small_plan)
    preview = reimport_preview(export_strategy(strategy), strategy)
    assert (preview["added"], preview["changed"], preview["missing"]) == ([], [], [])
    assert preview["unchanged"] == 2


def test_the_preview_lists_added_changed_and_missing_actions(small_plan: dict[str, Any]) -> None:
    strategy = load_strategy(small_plan)
    preview = reimport_preview(_changed(small_plan), strategy)
    assert [a["ref"] for a in preview["added"]] == ["1.1.2"]
    (change,) = preview["changed"]
    assert change["ref"] == "1.1.1" and change["new_updates"] == 1
    assert change["fields"] == {
        "title": [
            "Offer a health check to every carer registered with a GP practice",
            "Offer a health check to every carer",
        ]
    }
    assert [m["title"] for m in preview["missing"]] == ["Run stop-smoking clinics"]


def test_organisations_named_by_name_or_acronym_are_no_change(small_plan: dict[str, Any]) -> None:
    strategy = load_strategy(small_plan)
    renamed = copy.deepcopy(small_plan)
    renamed["themes"][0]["priorities"][0]["actions"][0]["supporting"] = ["Brookvale Council"]
    assert reimport_preview(renamed, strategy)["changed"] == []


def test_load_dry_run_prints_the_preview_and_writes_nothing(
    small_plan: dict[str, Any], tmp_path: Path
) -> None:
    strategy = load_strategy(small_plan)
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(_changed(small_plan)))
    records = ChangeRecord.objects.count()
    out = StringIO()
    call_command("load", str(source), "--strategy", str(strategy.pk), "--dry-run", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("1 actions added, 1 changed, 1 no longer in the file (kept;")
    assert "added: 1.1.2 Train carers' champions (Caring for carers / Carers stay well)" in lines
    assert "changed: 1.1.1: progress updates: 1 added" in lines
    assert "no longer in the file: Run stop-smoking clinics" in lines
    assert ChangeRecord.objects.count() == records
    assert not Action.objects.filter(ref="1.1.2").exists()
    assert Strategy.objects.count() == 1


def test_load_dry_run_needs_a_strategy(small_plan: dict[str, Any], tmp_path: Path) -> None:
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(small_plan))
    with pytest.raises(CommandError) as caught:
        call_command("load", str(source), "--dry-run")
    assert caught.value.returncode == 2 and "--strategy" in str(caught.value)
