"""The deciding bodies pages: members read them, administrators add, edit, archive and
restore them, and the lifecycle form offers exactly the partnership's active bodies."""

from __future__ import annotations

import pytest

from tests.factories import DecidingBodyFactory
from tests.partnerships.conftest import ADMIN, BOARD, LEAD, Two
from wellboard.partnerships.models import DecidingBody

pytestmark = pytest.mark.django_db


def test_administrator_adds_a_body_reached_from_the_partnership_page(two: Two) -> None:
    client = two.client_for(ADMIN)
    list_url = f"/partnerships/{two.ours.pk}/deciding-bodies/"
    assert list_url in client.get(f"/partnerships/{two.ours.pk}/").content.decode()
    new_url = f"/partnerships/{two.ours.pk}/deciding-bodies/new/"
    assert new_url in client.get(list_url).content.decode()
    response = client.post(new_url, {"name": "Council Cabinet", "part": "adopts", "position": 1})
    assert response["Location"] == list_url
    body = DecidingBody.objects.get(partnership=two.ours)
    assert (body.name, body.part) == ("Council Cabinet", "adopts")
    clash = client.post(new_url, {"name": "council cabinet", "part": "other", "position": 2})
    assert clash.status_code == 400 and "already has" in clash.content.decode()
    assert "Council Cabinet" in client.get(list_url).content.decode()


def test_administrator_edits_archives_and_restores_a_body(two: Two) -> None:
    body = DecidingBodyFactory(partnership=two.ours, name="ICB", part="other")
    client = two.client_for(ADMIN)
    edit = f"/deciding-bodies/{body.pk}/edit/"
    saved = client.post(edit, {"name": "ICB Board", "part": "adopts", "position": 0,
                               "version": body.version})  # fmt: skip
    assert saved.status_code == 302
    stale = client.post(edit, {"name": "ICB", "part": "other", "position": 0,
                               "version": body.version})  # fmt: skip
    assert stale.status_code == 409
    assert client.post(f"/deciding-bodies/{body.pk}/archive/").status_code == 302
    body.refresh_from_db()
    assert (body.name, body.part, body.is_archived) == ("ICB Board", "adopts", True)
    page = client.get(f"/strategies/{two.draft.pk}/lifecycle/").content.decode()
    assert "ICB Board" not in page
    assert client.post(f"/deciding-bodies/{body.pk}/restore/").status_code == 302
    page = client.get(f"/strategies/{two.draft.pk}/lifecycle/").content.decode()
    assert 'value="ICB Board"' in page


@pytest.mark.parametrize("role", [LEAD, BOARD])
def test_other_members_read_the_bodies_but_cannot_change_them(two: Two, role: str) -> None:
    body = DecidingBodyFactory(partnership=two.ours, name="HWB", part="approves")
    client = two.client_for(role)
    page = client.get(f"/partnerships/{two.ours.pk}/deciding-bodies/").content.decode()
    assert "HWB" in page and "Approves the strategy" in page
    assert f"/deciding-bodies/{body.pk}/archive/" not in page
    assert client.post(f"/deciding-bodies/{body.pk}/archive/").status_code == 403
    new = f"/partnerships/{two.ours.pk}/deciding-bodies/new/"
    assert client.post(new, {"name": "X", "part": "other", "position": 0}).status_code == 403
    body.refresh_from_db()
    assert not body.is_archived and DecidingBody.objects.count() == 1


def test_another_partnerships_administrator_finds_no_such_body(two: Two) -> None:
    body = DecidingBodyFactory(partnership=two.ours, name="HWB")
    client = two.client_for(ADMIN, two.theirs)
    assert client.post(f"/deciding-bodies/{body.pk}/archive/").status_code == 404
    assert client.get(f"/partnerships/{two.ours.pk}/deciding-bodies/").status_code == 404
    body.refresh_from_db()
    assert not body.is_archived


def test_lifecycle_form_refuses_a_body_it_did_not_offer(two: Two) -> None:
    DecidingBodyFactory(partnership=two.ours, name="HWB", part="approves")
    DecidingBodyFactory(partnership=two.theirs, name="Their Board", part="approves")
    client = two.client_for(ADMIN)
    url = f"/strategies/{two.draft.pk}/lifecycle/"
    page = client.get(url).content.decode()
    assert 'value="HWB"' in page and "Their Board" not in page
    refused = client.post(url, {"target": "consultation", "body": "Their Board",
                                "meeting_date": "2026-09-27", "expected": "draft"})  # fmt: skip
    assert refused.status_code == 400
    assert "Select a valid choice" in refused.content.decode()
    data = {"target": "consultation", "body": "HWB", "meeting_date": "2026-09-27",
            "expected": "draft"}  # fmt: skip
    assert client.post(url, data).status_code == 302
