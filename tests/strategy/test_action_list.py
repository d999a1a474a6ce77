"""The action list's filters and its CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client

from tests.delivery_world import World
from tests.factories import UpdateFactory
from wellboard.strategy.listing import CSV_COLUMNS

pytestmark = pytest.mark.django_db


def rows(client: Client, query: str) -> list[dict[str, str]]:
    response = client.get(f"/actions/?{query}&format=csv")
    assert response["Content-Type"].startswith("text/csv") and response.streaming
    text = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_one_row_per_visible_action_with_its_status(client: Client, world: World) -> None:
    client.force_login(world.board)
    found = rows(client, "")
    assert [r["id"] for r in found] == [str(world.own_action.pk), str(world.other_action.pk)]
    assert list(found[0]) == CSV_COLUMNS
    assert found[0]["status"] == "On track (green)"  # the one vocabulary, in exports too
    assert found[0]["latest update"] == "Progress as planned."
    assert found[0]["url"].endswith(f"/actions/{world.own_action.pk}/")


def test_search_finds_words_in_updates(client: Client, world: World) -> None:
    UpdateFactory(action=world.other_action, text="Midwife recruitment drive finished")
    client.force_login(world.admin)
    assert [r["id"] for r in rows(client, "q=recruitment")] == [str(world.other_action.pk)]


def test_filters_by_role_and_status(client: Client, world: World) -> None:
    client.force_login(world.admin)
    role = world.own_action.role_type
    assert role is not None
    by_role = rows(client, f"role={role.pk}")
    assert {r["role"] for r in by_role} == {role.name}
    assert str(world.own_action.pk) in {r["id"] for r in by_role}
    assert rows(client, "status=overdue") == []


def test_filters_by_due_date(client: Client, world: World) -> None:
    assert world.own_action.due_end is not None
    world.other_action.due_end = world.own_action.due_end + dt.timedelta(days=30)
    world.other_action.save()
    client.force_login(world.admin)
    cut = world.other_action.due_end
    assert [r["id"] for r in rows(client, f"due_before={cut}")] == [str(world.own_action.pk)]
    assert [r["id"] for r in rows(client, f"due_after={world.own_action.due_end}")] == [
        str(world.other_action.pk)
    ]


def test_formula_like_text_cannot_run_in_a_spreadsheet(client: Client, world: World) -> None:
    world.own_action.title = '=HYPERLINK("http://evil")'
    world.own_action.save()
    client.force_login(world.admin)
    assert rows(client, "")[0]["title"].startswith("'=")
