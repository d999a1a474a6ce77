"""Working groups in the app: places filled, named but not yet confirmed, or to be advised."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import OrganisationFactory, PersonFactory, WorkingGroupFactory
from tests.partnerships.conftest import ADMIN, BOARD, LEAD, Two
from wellboard.partnerships.models import WorkingGroup, WorkingGroupPlace

pytestmark = pytest.mark.django_db


def test_an_administrator_adds_a_group_and_its_three_kinds_of_place(two: Two) -> None:
    client = two.client_for(ADMIN)
    pk = two.ours.pk
    response = client.post(f"/partnerships/{pk}/working-groups/", {"name": "Falls Group"})
    group = WorkingGroup.objects.get(partnership=two.ours, name="Falls Group")
    assert response["Location"] == f"/partnerships/{pk}/working-groups/{group.pk}/"
    org = OrganisationFactory(
        partnership=two.ours, name="Harrowfold District Council", acronym="HDC"
    )
    ada, bo = (
        PersonFactory(partnership=two.ours, name="Ada"),
        PersonFactory(partnership=two.ours, name="Bo"),
    )
    url = f"/partnerships/{pk}/working-groups/{group.pk}/"
    for data in [
        {"role": "Chair", "person": ada.pk, "confirmed": "on"},
        {"role": "District rep", "organisation": org.pk, "person": bo.pk},
        {"role": "Parent rep"},
    ]:
        assert client.post(url, data).status_code == 302
    states = [p.state for p in WorkingGroupPlace.objects.filter(group=group)]
    assert states == ["filled", "named", "tba"]
    html = client.get(url).content.decode()
    assert "Named, not yet confirmed" in html and "To be advised" in html
    assert "Harrowfold District Council (HDC)" in html
    listing = client.get(f"/partnerships/{pk}/working-groups/").content.decode()
    assert "3 places (2 to be advised or not yet confirmed)" in listing


def test_a_place_needs_a_name_or_an_organisation_and_people_of_the_partnership(two: Two) -> None:
    group = WorkingGroupFactory(partnership=two.ours)
    client = two.client_for(ADMIN)
    url = f"/partnerships/{two.ours.pk}/working-groups/{group.pk}/"
    assert client.post(url, {"role": ""}).status_code == 400
    theirs = PersonFactory(partnership=two.theirs)
    assert client.post(url, {"role": "Chair", "person": theirs.pk}).status_code == 400
    assert not WorkingGroupPlace.objects.exists()


def test_editing_a_group_refuses_a_stale_form(two: Two) -> None:
    group = WorkingGroupFactory(partnership=two.ours, name="Old name")
    client = two.client_for(ADMIN)
    url = f"/partnerships/{two.ours.pk}/working-groups/{group.pk}/"
    first = {"form": "group", "name": "New name", "version": "1"}
    assert client.post(url, first).status_code == 302
    stale = client.post(url, {**first, "name": "Other name"})
    assert stale.status_code == 409
    group.refresh_from_db()
    assert (group.name, group.version) == ("New name", 2)


@pytest.mark.parametrize("role", [LEAD, BOARD])
def test_other_roles_read_but_do_not_change_groups(two: Two, role: str) -> None:
    group = WorkingGroupFactory(partnership=two.ours)
    client = two.client_for(role)
    pk = two.ours.pk
    html = client.get(f"/partnerships/{pk}/working-groups/{group.pk}/").content.decode()
    assert "Add a place" not in html
    assert client.post(f"/partnerships/{pk}/working-groups/", {"name": "X"}).status_code == 403
    url = f"/partnerships/{pk}/working-groups/{group.pk}/"
    assert client.post(url, {"role": "Chair"}).status_code == 403
    assert WorkingGroup.objects.count() == 1 and not WorkingGroupPlace.objects.exists()


def test_the_demo_has_working_groups_with_vacant_and_unconfirmed_places() -> None:
    call_command("demo", stdout=StringIO())
    states = {p.state for p in WorkingGroupPlace.objects.all()}
    assert states == {"filled", "named", "tba"}
    assert WorkingGroup.objects.filter(reports_to__isnull=False, actions__isnull=False).exists()
    call_command("demo", stdout=StringIO())
    assert WorkingGroup.objects.count() == 2
