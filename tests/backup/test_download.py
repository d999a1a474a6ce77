"""An administrator downloads their partnership's backup from the settings page."""

from __future__ import annotations

import gzip
import json
from io import StringIO
from pathlib import Path
from typing import cast

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.factories import MembershipFactory, StrategyFactory
from wellboard.accounts.models import Membership
from wellboard.backup.document import read_backup
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Strategy

pytestmark = pytest.mark.django_db


def _client(role: str, partnership: Partnership) -> Client:
    membership = cast(Membership, MembershipFactory(role=role, partnership=partnership))
    client = Client()
    client.force_login(membership.user)
    return client


def test_an_administrator_downloads_a_backup_that_restores(tmp_path: Path) -> None:
    strategy = cast(Strategy, StrategyFactory())
    partnership = strategy.partnership
    client = _client(Membership.Role.ADMINISTRATOR, partnership)
    settings_page = client.get(reverse("partnerships:settings", args=[partnership.pk]))
    link = reverse("partnerships:backup", args=[partnership.pk])
    assert f'href="{link}"' in settings_page.content.decode()

    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="wellboard-{partnership.slug}-'
    )
    document = json.loads(gzip.decompress(response.content))
    assert {row["fields"]["password"] for row in _rows(document, "auth.user")} == {""}
    saved = tmp_path / "download.json.gz"
    saved.write_bytes(response.content)
    assert read_backup(saved)["partnership"]["name"] == partnership.name
    partnership.delete()
    call_command("restore", str(saved), "--use-existing-users", stdout=StringIO())
    assert Strategy.objects.get().title == strategy.title


def _rows(document: dict, model: str) -> list[dict]:  # type: ignore[type-arg]
    return next(t["rows"] for t in document["tables"] if t["model"] == model)


@pytest.mark.parametrize("role", [Membership.Role.LEAD_OFFICER, Membership.Role.BOARD_MEMBER])
def test_other_roles_are_refused(role: str) -> None:
    partnership = cast(Strategy, StrategyFactory()).partnership
    client = _client(role, partnership)
    assert client.get(reverse("partnerships:backup", args=[partnership.pk])).status_code == 403


def test_another_partnerships_backup_is_not_found() -> None:
    mine = cast(Strategy, StrategyFactory()).partnership
    other = cast(Strategy, StrategyFactory()).partnership
    client = _client(Membership.Role.ADMINISTRATOR, mine)
    assert client.get(reverse("partnerships:backup", args=[other.pk])).status_code == 404
