"""Pages cost a fixed number of queries, however many actions the plan holds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.delivery_world import World, add_actions
from wellboard.strategy.models import Action

pytestmark = pytest.mark.django_db

MAX_QUERIES = 25


def pages(world: World) -> list[str]:
    a = world.own_action
    return [
        f"/strategies/{world.strategy.pk}/",
        f"/themes/{a.priority.theme_id}/",
        f"/priorities/{a.priority_id}/",
        f"/actions/{a.pk}/",
        f"/actions/{a.pk}/update/",
        "/actions/",
        "/actions/?format=csv",
        "/actions/?q=Action&status=green",
        "/my/actions/",
        f"/public/strategies/{world.strategy.pk}/",
        f"/public/themes/{a.priority.theme_id}/",
    ]


def query_counts(client: Client, world: World) -> dict[str, int]:
    found = {}
    for url in pages(world):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        found[url] = len(captured)
    return found


def grow_to(world: World, total: int) -> None:
    have = Action.objects.in_strategy(world.strategy).count()
    add_actions(world.own_action.priority, total - have, lead=world.own_action.lead_officer)


def test_query_counts_do_not_grow_with_the_plan(
    client: Client, world: World, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    client.force_login(world.lead)
    grow_to(world, 10)
    small = query_counts(client, world)
    grow_to(world, 40)  # four times as many: an N+1 query would show thirty times over
    large = query_counts(client, world)
    assert large == small
    for url in pages(world):
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get(url)
