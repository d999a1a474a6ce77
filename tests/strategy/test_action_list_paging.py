"""The action list's page asked for is the one Django's paginator would give (its rows
and total read in one query): the first for a page that is not a number, the last for
one past the end or below 1, the same links and counts."""

from __future__ import annotations

import re

import pytest
from django.core.paginator import Paginator
from django.test import Client

from tests.delivery_world import World, add_actions
from wellboard.strategy.listing import PAGE_SIZE
from wellboard.strategy.models import Action

pytestmark = pytest.mark.django_db
ASKED = ["", "1", "2", "3", "4", "0", "-1", "abc", "2.0", " 2", "99999999999999999999999"]


def _ids(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'href="/actions/(\d+)/"', html)]


def test_every_page_asked_is_the_one_the_paginator_gives(client: Client, world: World) -> None:
    add_actions(world.own_action.priority, 2 * PAGE_SIZE + 7 - 2)
    client.force_login(world.admin)
    ordered = Action.objects.in_strategy(world.strategy).in_plan_order()
    for asked in ASKED:
        wanted = Paginator(ordered, PAGE_SIZE).get_page(asked or None)
        html = client.get(f"/actions/?strategy={world.strategy.pk}&page={asked}").content.decode()
        assert _ids(html) == [a.pk for a in wanted.object_list], asked
        shown = f"showing {wanted.start_index()} to {wanted.end_index()}"
        assert f"{2 * PAGE_SIZE + 7} actions" in html and shown in html, asked


def test_no_match_is_an_empty_first_page_on_any_page_asked(client: Client, world: World) -> None:
    client.force_login(world.admin)
    for asked in ["", "1", "3", "x"]:
        html = client.get(f"/actions/?q=nothing-matches-this&page={asked}").content.decode()
        assert "0 actions" in html and "No actions match." in html and _ids(html) == []
