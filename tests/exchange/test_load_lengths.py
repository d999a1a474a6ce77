"""`wellboard load` refuses texts longer than Wellboard keeps, in one line (issue #12.9).

One action with 100,000 characters once made the delivery PDF fail for every member; a
title longer than its column failed the load with a database error on PostgreSQL.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from wellboard.core.exchange.schema import MAX_TEXT
from wellboard.strategy.models import Strategy

pytestmark = pytest.mark.django_db


def _refused(plan: dict[str, Any], tmp_path: Path) -> str:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    with pytest.raises(CommandError) as caught:
        call_command("load", str(path))
    assert caught.value.returncode == 2
    assert "\n" not in str(caught.value)
    assert Strategy.objects.count() == 0
    return str(caught.value)


def test_an_action_of_100000_characters_is_refused(
    small_plan: dict[str, Any], tmp_path: Path
) -> None:
    action = small_plan["themes"][0]["priorities"][0]["actions"][0]
    action["description"] = "word " * 20_000
    message = _refused(small_plan, tmp_path)
    assert "description" in message and f"at most {MAX_TEXT} characters" in message


def test_a_title_longer_than_its_column_is_refused(
    small_plan: dict[str, Any], tmp_path: Path
) -> None:
    small_plan["title"] = "A" * 301
    assert "title" in _refused(small_plan, tmp_path)


def test_texts_at_the_limit_load(small_plan: dict[str, Any], tmp_path: Path) -> None:
    action = small_plan["themes"][0]["priorities"][0]["actions"][0]
    action["description"] = "x" * MAX_TEXT
    small_plan["title"] = "A" * 300
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(small_plan))
    call_command("load", str(path))
    assert Strategy.objects.get().title == "A" * 300


def test_a_name_longer_than_its_column_is_refused_not_a_database_error(
    small_plan: dict[str, Any], tmp_path: Path
) -> None:
    """A lead named in 201 characters: PostgreSQL once failed the load on the varchar(200)."""
    action = small_plan["themes"][0]["priorities"][0]["actions"][0]
    action["leads"] = ["N" * 201]
    message = _refused(small_plan, tmp_path)
    assert "leads[0]" in message and "use at most 200 characters" in message
