"""The action list at scale: 50 a page with the total, filters kept in the page links,
every filter (status included) applied in the database, the CSV streamed whole."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from html import unescape

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.delivery_world import World, add_actions
from tests.factories import UpdateFactory
from tests.strategy.current_checks import truth
from wellboard.strategy.listing import PAGE_SIZE
from wellboard.strategy.models import Action, ActionBoard, ActionOrganisation, DeliveryStatus

pytestmark = pytest.mark.django_db


def _ids(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'href="/actions/(\d+)/"', html)]


def _grow(world: World, total: int) -> list[Action]:
    have = Action.objects.in_strategy(world.strategy).count()
    return add_actions(world.own_action.priority, total - have)


def test_pages_of_fifty_with_the_total_and_the_filters_kept(client: Client, world: World) -> None:
    _grow(world, 120)
    client.force_login(world.admin)
    first = client.get(f"/actions/?strategy={world.strategy.pk}").content.decode()
    assert "120 actions" in first and "showing 1 to 50" in first
    assert len(_ids(first)) == PAGE_SIZE
    links = [unescape(q) for q in re.findall(r'href="\?([^"]*page=[^"]*)"', first)]
    assert links == [f"strategy={world.strategy.pk}&page=2"]
    last = client.get(f"/actions/?strategy={world.strategy.pk}&page=3").content.decode()
    assert len(_ids(last)) == 20 and "showing 101 to 120" in last
    every = _ids(first) + _ids(client.get(f"/actions/?{links[0]}").content.decode()) + _ids(last)
    expected = Action.objects.in_strategy(world.strategy).in_plan_order()
    assert every == list(expected.values_list("pk", flat=True))
    # A page number out of range shows the last page, not an error.
    assert _ids(client.get("/actions/?page=99").content.decode()) == _ids(last)


def test_each_status_filter_matches_the_history(client: Client, world: World) -> None:
    made = _grow(world, 12)
    today = dt.date.today()
    for action, rag in zip(
        made, ["red", "amber", "complete", "not_started", "amber"], strict=False
    ):
        UpdateFactory(action=action, date=today - dt.timedelta(days=1), rag=rag)
    made[5].due_end = today - dt.timedelta(days=3)
    made[5].save()
    UpdateFactory(action=made[6], date=today - dt.timedelta(days=200), rag="green")
    Action.objects.filter(pk=made[6].pk).update(due_end=None)
    client.force_login(world.admin)
    actions = list(Action.objects.in_strategy(world.strategy).prefetch_related("updates"))
    states = {a.pk: truth(a, today) for a in actions}
    for status in [*DeliveryStatus.values, "stale"]:
        found = _ids(client.get(f"/actions/?status={status}").content.decode())
        key = "stale" if status == "stale" else "status"
        wanted = {pk for pk, s in states.items() if s[key] is True or s[key] == status}
        assert set(found) == wanted, status
    assert len({s["status"] for s in states.values()}) >= 5


def test_the_list_costs_the_same_queries_for_any_number_of_actions(
    client: Client, world: World
) -> None:
    client.force_login(world.admin)
    counts = []
    for total in (10, 130):
        _grow(world, total)
        for url in ("/actions/?status=green", "/actions/?format=csv"):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
                if response.streaming:
                    b"".join(response.streaming_content)  # type: ignore[attr-defined]
            counts.append(len(captured))
    assert counts[:2] == counts[2:]


def test_the_csv_streams_every_matching_row_not_one_page(client: Client, world: World) -> None:
    _grow(world, 75)
    world.own_action.title = "@SUM(A1)"
    world.own_action.save()
    client.force_login(world.admin)
    response = client.get("/actions/?format=csv")
    assert response.streaming
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))  # type: ignore[attr-defined]
    assert len(rows) == 75
    assert rows[0]["title"] == "'@SUM(A1)"


def test_an_action_linked_twice_to_the_filtered_board_or_lead_is_listed_once(
    client: Client, world: World
) -> None:
    made = _grow(world, 60)
    link = made[0].board_links.get()
    lead = made[0].organisation_links.get()
    for action in made[:51]:  # 51 doubled links: a join would spill onto a second page
        ActionBoard.objects.create(action=action, board_id=link.board_id)
        ActionOrganisation.objects.create(action=action, organisation_id=lead.organisation_id)
    client.force_login(world.admin)
    for query in (f"board={link.board_id}", f"lead={lead.organisation_id}"):
        page = client.get(f"/actions/?{query}").content.decode()
        first = _ids(page)
        second = _ids(client.get(f"/actions/?{query}&page=2").content.decode())
        assert f"{len(made)} actions" in page, query  # add_actions links them all to both
        assert len(first) == PAGE_SIZE
        assert first + second == [a.pk for a in made]
