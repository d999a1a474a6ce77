"""The API's action reads (the list and one action) read only what their body shows:
the same body, byte for byte, as the full records read before (every link's record, the
path to the strategy, one action's whole history), in the same number of queries however
many actions there are."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.renderers import JSONRenderer

from tests.delivery_world import World, grow_plan
from tests.factories import ActionFactory, IndicatorFactory, UpdateFactory
from wellboard.api.serializers import ActionSerializer
from wellboard.api.views.actions import action_records
from wellboard.strategy.delivery import action_state
from wellboard.strategy.delivery_current import current_state, with_boards
from wellboard.strategy.listing import ActionFilters
from wellboard.strategy.models import Action, Milestone
from wellboard.strategy.presenters import today

pytestmark = pytest.mark.django_db


def as_read_before(actions: list[Action], kept: bool) -> Any:
    """The body as the views drew it before: the list from ActionFilters.queryset with its
    boards and milestones, one action from action_records and its counted updates."""
    state = current_state if kept else action_state
    states = {a.pk: state(a, today()) for a in actions}
    return ActionSerializer(actions, many=True, context={"states": states}).data


def client_for(world: World) -> Client:
    client = Client()
    client.force_login(world.admin)
    return client


def rendered(data: Any) -> bytes:
    return JSONRenderer().render(data)


@pytest.fixture
def grown(world: World) -> World:
    grow_plan(world, 12, IndicatorFactory(partnership=world.strategy.partnership))
    UpdateFactory(action=world.own_action, date=None, rag="amber", percent_complete=30)
    return world


@pytest.mark.parametrize("query", ["", "&status=green", "&status=amber&q=Action", "&page=2"])
def test_the_list_is_the_body_read_before(grown: World, query: str) -> None:
    url = f"/api/v1/actions/?strategy={grown.strategy.pk}&page_size=5{query}"
    response = client_for(grown).get(url)
    assert response.status_code == 200
    filters, errors = ActionFilters.from_query({"strategy": str(grown.strategy.pk), **{
        k: v for k, v in (p.split("=") for p in query.strip("&").split("&") if p)
        if k != "page"}})  # fmt: skip
    assert not errors
    before = list(
        with_boards(filters.queryset(grown.admin, today())).prefetch_related("milestones")
    )
    start = 5 if "page=2" in query else 0
    expected = as_read_before(before[start : start + 5], kept=True)
    assert response.json()["count"] == len(before)
    assert rendered(response.json()["results"]) == rendered(expected)


def test_one_action_is_the_body_read_before(grown: World) -> None:
    """Also an archived action without lead officer, role type or dates, with a milestone
    done and one without a date."""
    bare: Any = ActionFactory(
        priority=grown.own_action.priority, lead_officer=None, role_type=None, due_start=None,
        due_end=None, ongoing=True, description="Line one\nline <two>",
    )  # fmt: skip
    Milestone.objects.create(action=bare, title="Done", done_on=dt.date(2025, 3, 1))
    Milestone.objects.create(action=bare, title="No date")
    Action.objects.filter(pk=bare.pk).update(archived_at=timezone.now())
    client = client_for(grown)
    for action in [*Action.objects.in_strategy(grown.strategy)[:6], bare]:
        response = client.get(f"/api/v1/actions/{action.pk}/")
        assert response.status_code == 200
        (expected,) = as_read_before([action_records().get(pk=action.pk)], kept=False)
        assert rendered(response.json()) == rendered(expected)


def counter(sql: str) -> bool:
    return "requestcount" in sql or sql.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK"))


def test_reads_cost_the_same_however_many_actions(world: World) -> None:
    client = client_for(world)
    urls = [
        f"/api/v1/actions/?strategy={world.strategy.pk}",
        f"/api/v1/actions/{world.own_action.pk}/",
    ]

    def counts() -> list[int]:
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            # Not the rate counter's: a minute's first request makes its row.
            found.append(sum(not counter(q["sql"]) for q in captured.captured_queries))
        return found

    grow_plan(world, 5)
    small = counts()
    grow_plan(world, 30)
    assert counts() == small
