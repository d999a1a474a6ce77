"""Organisations by full name with the acronym beside it, wherever one is chosen (#11.4):
the report filters, the action list filter, the action form and the good-practice form."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.delivery_world import World
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

FULL = "Tarnside Integrated Care Board (TICB)"


@pytest.fixture
def admin(client: Client, world: World) -> Client:
    partnership = world.strategy.partnership
    OrganisationFactory(partnership=partnership, name=FULL.split(" (")[0], acronym="TICB")
    client.force_login(world.admin)
    return client


def test_every_organisation_choice_names_it_in_full(admin: Client, world: World) -> None:
    strategy, action = world.strategy, world.own_action
    pages = [
        f"/reports/strategies/{strategy.pk}/delivery/",
        f"/reports/strategies/{strategy.pk}/exceptions/",
        "/actions/",
        f"/priorities/{action.priority_id}/actions/new/",
        f"/actions/{action.pk}/edit/",
        f"/practice/new/{strategy.partnership_id}/",
    ]
    for path in pages:
        response = admin.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        assert FULL in page, path
        assert ">TICB<" not in page.replace("\n", "").replace(" <", "<"), path
