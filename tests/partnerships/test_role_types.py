"""Role types are the partnership's own: defaults, the administrator's page, presets."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import PartnershipFactory
from tests.partnerships.conftest import ADMIN, BOARD, LEAD, Two, action_in
from wellboard.partnerships.role_types import RoleType, resolve

pytestmark = pytest.mark.django_db


def _types(partnership: object) -> list[tuple[str, str, str]]:
    return list(
        RoleType.objects.filter(partnership=partnership).values_list("key", "name", "colour")
    )


def test_a_new_partnership_gets_the_regional_plans_five() -> None:
    assert _types(PartnershipFactory()) == [
        ("advocacy", "Advocacy", "purple"),
        ("scrutiny", "Scrutiny and monitoring", "green"),
        ("direct", "Direct action", "blue"),
        ("capacity", "Capacity building", "red"),
        ("partner_monitoring", "Monitoring action led by partners", "grey"),
    ]


def test_members_read_the_role_types_with_their_markers(two: Two) -> None:
    html = two.client_for(BOARD).get(f"/partnerships/{two.ours.pk}/role-types/").content.decode()
    marker = '<span class="wb-role wb-colour--purple" aria-hidden="true"></span>Advocacy'
    assert marker in html
    assert "Add a role type" not in html and "/edit/" not in html


def test_an_administrator_adds_and_renames_a_role_type(two: Two) -> None:
    client = two.client_for(ADMIN)
    url = f"/partnerships/{two.ours.pk}/role-types/"
    data = {"name": "Convene", "colour": "orange", "description": "Brings partners together"}
    assert client.post(url, {**data, "position": "9"}).status_code == 302
    added = RoleType.objects.get(partnership=two.ours, name="Convene")
    assert (added.key, added.colour) == ("convene", "orange")
    edit = f"/role-types/{added.pk}/edit/"
    renamed = {**data, "name": "Convening", "position": "0", "version": "1"}
    assert client.post(edit, renamed).status_code == 302
    assert [n for _, n, _ in _types(two.ours)][:3] == [
        "Advocacy",
        "Convening",
        "Scrutiny and monitoring",
    ]
    added.refresh_from_db()
    assert (added.name, added.key, added.version) == ("Convening", "convene", 2)
    stale = client.post(edit, {**renamed, "name": "Gather"})
    assert stale.status_code == 409
    added.refresh_from_db()
    assert added.name == "Convening"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"name": "advocacy", "colour": "red"}, "already has a role type"),
        ({"name": "Drive", "colour": "tartan"}, "Select a valid choice"),
        ({"name": " ", "colour": "red"}, "Enter the role type"),
    ],
)
def test_bad_role_types_get_a_form_error(two: Two, data: dict[str, str], error: str) -> None:
    response = two.client_for(ADMIN).post(
        f"/partnerships/{two.ours.pk}/role-types/", {**data, "position": "1"}
    )
    assert response.status_code == 400
    assert error in response.content.decode()
    assert RoleType.objects.filter(partnership=two.ours).count() == 5


def test_switching_to_drive_sponsor_observe_keeps_types_actions_use(two: Two) -> None:
    action = action_in(two.published, "Lobby for funding", role_type="advocacy")
    client = two.client_for(ADMIN)
    response = client.post(
        f"/partnerships/{two.ours.pk}/role-types/preset/", {"preset": "drive-sponsor-observe"}
    )
    assert response.status_code == 302
    assert [k for k, _, _ in _types(two.ours)] == ["drive", "sponsor", "observe", "advocacy"]
    action.refresh_from_db()
    assert action.role_type is not None and action.role_type.key == "advocacy"
    page = client.get(f"/partnerships/{two.ours.pk}/role-types/").content.decode()
    assert "Still given to actions, so kept for now: Advocacy." in page
    assert _types(two.theirs)[0][0] == "advocacy"  # the other partnership keeps its own


def test_a_role_type_in_use_is_not_removed(two: Two) -> None:
    action_in(two.published, "Scrutinise", role_type="scrutiny")
    client = two.client_for(ADMIN)
    used = RoleType.objects.get(partnership=two.ours, key="scrutiny")
    unused = RoleType.objects.get(partnership=two.ours, key="direct")
    client.post(f"/role-types/{used.pk}/delete/")
    client.post(f"/role-types/{unused.pk}/delete/")
    assert [k for k, _, _ in _types(two.ours)] == [
        "advocacy",
        "scrutiny",
        "capacity",
        "partner_monitoring",
    ]


@pytest.mark.parametrize("role", [LEAD, BOARD])
def test_only_administrators_change_role_types(two: Two, role: str) -> None:
    client = two.client_for(role)
    rt = RoleType.objects.filter(partnership=two.ours).first()
    assert rt is not None
    pk = two.ours.pk
    assert client.post(f"/partnerships/{pk}/role-types/", {"name": "X"}).status_code == 403
    assert client.post(f"/partnerships/{pk}/role-types/preset/", {}).status_code == 403
    assert client.post(f"/role-types/{rt.pk}/edit/", {"name": "X"}).status_code == 403
    assert client.post(f"/role-types/{rt.pk}/delete/").status_code == 403
    assert len(_types(two.ours)) == 5


def test_another_partnerships_role_types_are_not_found(two: Two) -> None:
    theirs = RoleType.objects.filter(partnership=two.theirs).first()
    assert theirs is not None
    client = two.client_for(ADMIN)
    assert client.get(f"/partnerships/{two.theirs.pk}/role-types/").status_code == 404
    assert client.get(f"/role-types/{theirs.pk}/edit/").status_code == 404
    assert Client().get(f"/partnerships/{two.ours.pk}/role-types/").status_code == 302


def test_plans_name_role_types_by_key_or_name_and_new_words_become_types() -> None:
    partnership = PartnershipFactory()
    assert resolve(partnership.pk, "") is None
    advocacy = resolve(partnership.pk, "advocacy")
    assert advocacy is not None and advocacy.name == "Advocacy"
    assert resolve(partnership.pk, "direct action") == RoleType.objects.get(
        partnership=partnership, key="direct"
    )
    sponsor = resolve(partnership.pk, "sponsor")
    assert sponsor is not None and (sponsor.key, sponsor.name) == ("sponsor", "Sponsor")
    assert resolve(partnership.pk, "Sponsor") == sponsor
    assert len(_types(partnership)) == 6


def test_the_action_page_and_list_show_the_marker_with_its_name(two: Two) -> None:
    action = action_in(two.published, "Champion healthy weight", role_type="capacity")
    client = two.client_for(BOARD)
    html = client.get(f"/actions/{action.pk}/").content.decode()
    assert (
        '<span class="wb-role wb-colour--red" aria-hidden="true"></span>Capacity building' in html
    )


def test_the_action_page_expands_the_partnerships_acronyms(two: Two) -> None:
    from wellboard.partnerships.models import GlossaryTerm

    GlossaryTerm.objects.create(
        partnership=two.ours, term="JSNA", meaning="Joint Strategic Needs Assessment"
    )
    action = action_in(
        two.published, "Refresh the JSNA", description="Use the JSNA chapters", role_type=""
    )
    html = two.client_for(BOARD).get(f"/actions/{action.pk}/").content.decode()
    assert html.count('<abbr title="Joint Strategic Needs Assessment">JSNA</abbr>') >= 2
