"""`wellboard load` refuses javascript: and other unsafe links, one line, nothing written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from wellboard.partnerships.models import Organisation, OtherStrategy
from wellboard.strategy.models import Strategy

pytestmark = pytest.mark.django_db

EVIL = "javascript:alert(document.cookie)"


@pytest.mark.parametrize(
    "where",
    ["website", "other_strategy", "evidence"],
)
def test_wellboard_load_refuses_javascript_links(
    small_plan: dict[str, Any], tmp_path: Path, where: str
) -> None:
    if where == "website":
        small_plan["partnership"]["organisations"][0]["website"] = EVIL
    elif where == "other_strategy":
        small_plan["other_strategies"][0]["url"] = " JavaScript:alert(1)"
    else:
        action = small_plan["themes"][0]["priorities"][0]["actions"][0]
        action["updates"][1]["evidence_url"] = EVIL
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(small_plan))
    with pytest.raises(CommandError) as caught:
        call_command("load", str(path))
    assert caught.value.returncode == 2
    assert "\n" not in str(caught.value)
    assert "link" in str(caught.value)
    assert Strategy.objects.count() == 0
    assert not Organisation.objects.filter(website__icontains="script").exists()
    assert not OtherStrategy.objects.exists()


def test_wellboard_load_keeps_safe_links(small_plan: dict[str, Any], tmp_path: Path) -> None:
    small_plan["partnership"]["organisations"][0]["website"] = "https://brookvale.gov.uk"
    small_plan["other_strategies"][0]["url"] = "mailto:carers@brookvale.gov.uk"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(small_plan))
    call_command("load", str(path))
    assert Organisation.objects.get(acronym="BVC").website == "https://brookvale.gov.uk"
    assert OtherStrategy.objects.get().url == "mailto:carers@brookvale.gov.uk"
