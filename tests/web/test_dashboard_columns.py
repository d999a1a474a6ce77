"""The dashboard reads only the columns it shows (web/dashboard.py, web/views.py): its
consultations are those `public_consultations` gives, in its order, from one query; and
no list reads a column it left out (which would cost a query per row), whatever grows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.delivery_world import World
from tests.factories import ConsultationFactory, StrategyFactory, UpdateFactory
from wellboard.accounts.permissions import memberships
from wellboard.consultations.services import public_consultations
from wellboard.strategy.models import UpdateReview
from wellboard.web.views import _members_consultations

pytestmark = pytest.mark.django_db


def consultations(world: World, tag: str) -> None:
    """Open now, opening later, open but past its closing day, closed, a draft, on the
    world's strategy, and an open one in another partnership."""
    today = timezone.localdate()
    shapes = [
        ("open", -10, 30), ("open", 5, 60), ("open", -100, -1), ("closed", -100, -20),
        ("closed", -50, -20), ("draft", 0, 90), ("open", -10, 30),
    ]  # fmt: skip
    for status, opens, closes in shapes:
        ConsultationFactory(
            strategy=world.strategy, title=f"{tag} {status} <{opens}>", status=status,
            opens=today + dt.timedelta(days=opens), closes=today + dt.timedelta(days=closes),
        )  # fmt: skip
    ConsultationFactory(strategy=world.foreign_action.priority.theme.plan.strategy)


def test_the_consultations_are_public_consultations_in_its_order(world: World) -> None:
    consultations(world, "First")
    for user in (world.admin, world.lead, world.stranger):
        current, past = public_consultations(memberships(user))
        found = _members_consultations(user)
        assert [c.pk for c in found] == [c.pk for c in [*current, *past]]
        assert [c.phase for c in found] == [c.phase for c in [*current, *past]]
    assert len(_members_consultations(world.admin)) == 6


def queries(client: Client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/")
    assert response.status_code == 200
    return len(captured), response.content.decode()


def grow(world: World, tag: str) -> None:
    consultations(world, tag)
    StrategyFactory(partnership=world.strategy.partnership, title=f"{tag} strategy")
    for _ in range(3):
        update: Any = UpdateFactory(action=world.own_action, author_name=f"{tag} author")
        UpdateReview.objects.create(update=update)


def test_the_dashboard_costs_the_same_however_many_items(world: World) -> None:
    for user in (world.admin, world.lead):
        client = Client()
        client.force_login(user)
        grow(world, f"One {user.pk}")
        small, _ = queries(client)
        grow(world, f"Two {user.pk}")
        large, page = queries(client)
        assert small == large, user
        assert f"Two {user.pk} open &lt;-10&gt;" in page
        assert world.strategy.partnership.name in page
        if user == world.admin:
            assert f"Two {user.pk} author" in page or f"One {user.pk} author" in page
            assert f"Two {user.pk} strategy" in page
