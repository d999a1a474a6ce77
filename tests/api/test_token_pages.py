"""Administrators make and revoke tokens on the partnership's API tokens page, reached
from the partnership's page; the secret is shown once."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.api.helpers import call, is_problem
from tests.delivery_world import World
from wellboard.api.models import ApiToken

pytestmark = pytest.mark.django_db


def _signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_an_administrator_makes_a_token_shown_once_and_revokes_it(world: World) -> None:
    partnership = world.strategy.partnership
    admin = _signed_in(world.admin)
    overview = admin.get(f"/partnerships/{partnership.pk}/").content.decode()
    page_url = f"/partnerships/{partnership.pk}/api-tokens/"
    assert f'href="{page_url}"' in overview
    made = admin.post(page_url, {"name": "Power BI", "user": world.lead.pk, "can_write": "on"})
    assert made.status_code == 200 and "no-store" in made["Cache-Control"]
    token = re.search(r"wb_[0-9a-f]{12}_[A-Za-z0-9_-]{40,}", made.content.decode())
    assert token is not None
    record = ApiToken.objects.get(partnership=partnership, name="Power BI")
    assert (record.user, record.can_write, record.created_by) == (world.lead, True, world.admin)
    assert token.group(0) not in admin.get(page_url).content.decode()  # never shown again
    assert call("GET", "/api/v1/actions/", token.group(0)).status_code == 200

    revoked = admin.post(f"/api-tokens/{record.pk}/revoke/")
    assert revoked.status_code == 302
    assert is_problem(call("GET", "/api/v1/actions/", token.group(0)), 401)
    assert "Revoked" in admin.get(page_url).content.decode()


def test_a_token_is_made_only_for_a_member_and_with_a_name(world: World) -> None:
    partnership = world.strategy.partnership
    page_url = f"/partnerships/{partnership.pk}/api-tokens/"
    refused = _signed_in(world.admin).post(page_url, {"name": "", "user": world.stranger.pk})
    assert refused.status_code == 400
    assert not ApiToken.objects.filter(partnership=partnership).exists()


def test_other_roles_see_no_link_and_cannot_open_the_page(world: World) -> None:
    partnership = world.strategy.partnership
    for user in (world.lead, world.board):
        client = _signed_in(user)
        assert "api-tokens" not in client.get(f"/partnerships/{partnership.pk}/").content.decode()
        assert client.get(f"/partnerships/{partnership.pk}/api-tokens/").status_code == 403
    assert (
        _signed_in(world.stranger).get(f"/partnerships/{partnership.pk}/api-tokens/").status_code
        == 404
    )
