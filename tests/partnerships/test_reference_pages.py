"""Organisations, people, boards, other strategies and glossary terms added and edited in
the app by administrators: stale edits and clashing names refused, other roles refused."""

from __future__ import annotations

import pytest

from tests.factories import BoardFactory, OrganisationFactory, OtherStrategyFactory, PersonFactory
from tests.partnerships.conftest import ADMIN, BOARD, LEAD, Two
from wellboard.partnerships.models import (
    GlossaryTerm,
    GovernanceBoard,
    Organisation,
    OtherStrategy,
    Person,
)

pytestmark = pytest.mark.django_db


def test_an_administrator_adds_an_organisation_shown_by_full_name_and_acronym(two: Two) -> None:
    client = two.client_for(ADMIN)
    pk = two.ours.pk
    assert (
        "Add an organisation" in client.get(f"/partnerships/{pk}/organisations/").content.decode()
    )
    data = {"name": "Kestrelbury Borough Council", "acronym": "KBC", "kind": "local_authority"}
    response = client.post(f"/partnerships/{pk}/organisations/new/", data)
    assert response["Location"] == f"/partnerships/{pk}/organisations/"
    org = Organisation.objects.get(partnership=two.ours)
    assert org.full_label == "Kestrelbury Borough Council (KBC)"
    clash = client.post(
        f"/partnerships/{pk}/organisations/new/", {**data, "name": "kestrelbury borough council"}
    )
    assert clash.status_code == 400 and "already has" in clash.content.decode()


def test_an_administrator_adds_a_person_on_boards_of_the_partnership(two: Two) -> None:
    board = BoardFactory(partnership=two.ours)
    theirs = BoardFactory(partnership=two.theirs)
    client = two.client_for(ADMIN)
    url = f"/partnerships/{two.ours.pk}/people/new/"
    refused = client.post(url, {"name": "Ada", "boards": [theirs.pk]})
    assert refused.status_code == 400 and not Person.objects.exists()
    assert client.post(url, {"name": "Ada", "boards": [board.pk]}).status_code == 302
    assert list(Person.objects.get(name="Ada").boards.all()) == [board]


@pytest.mark.parametrize(
    ("factory", "prefix", "data", "field"),
    [
        (OrganisationFactory, "organisations", {"name": "Renamed", "kind": "nhs"}, "name"),
        (PersonFactory, "people", {"name": "Renamed"}, "name"),
        (BoardFactory, "boards", {"name": "Renamed"}, "name"),
        (OtherStrategyFactory, "other-strategies", {"title": "Renamed"}, "title"),
    ],
)
def test_edits_refuse_a_stale_form(
    two: Two, factory: object, prefix: str, data: dict[str, str], field: str
) -> None:
    record = factory(partnership=two.ours)  # type: ignore[operator]
    client = two.client_for(ADMIN)
    url = f"/{prefix}/{record.pk}/edit/"
    assert 'name="version" value="1"' in client.get(url).content.decode()
    assert client.post(url, {**data, "version": "1"}).status_code == 302
    stale = client.post(url, {**data, field: "Second", "version": "1"})
    assert stale.status_code == 409
    record.refresh_from_db()
    assert getattr(record, field) == "Renamed" and record.version == 2


def test_a_glossary_term_is_corrected(two: Two) -> None:
    term = GlossaryTerm.objects.create(partnership=two.ours, term="JSNA", meaning="Joint thing")
    client = two.client_for(ADMIN)
    data = {"term": "JSNA", "meaning": "Joint Strategic Needs Assessment", "version": "1"}
    assert client.post(f"/glossary/{term.pk}/edit/", data).status_code == 302
    term.refresh_from_db()
    assert term.meaning == "Joint Strategic Needs Assessment"


def test_an_organisation_cannot_be_its_own_parent(two: Two) -> None:
    org = OrganisationFactory(partnership=two.ours)
    client = two.client_for(ADMIN)
    data = {"name": org.name, "kind": "nhs", "parent": org.pk, "version": "1"}
    assert client.post(f"/organisations/{org.pk}/edit/", data).status_code == 400


@pytest.mark.parametrize("role", [LEAD, BOARD])
def test_other_roles_may_not_add_or_edit(two: Two, role: str) -> None:
    client = two.client_for(role)
    pk = two.ours.pk
    org = OrganisationFactory(partnership=two.ours, name="Kept")
    for url in [
        f"/partnerships/{pk}/organisations/new/",
        f"/partnerships/{pk}/people/new/",
        f"/partnerships/{pk}/boards/new/",
        f"/partnerships/{pk}/other-strategies/new/",
        f"/organisations/{org.pk}/edit/",
    ]:
        assert client.post(url, {"name": "X", "title": "X", "version": "1"}).status_code == 403, url
    assert not GovernanceBoard.objects.filter(name="X").exists()
    assert not OtherStrategy.objects.exists()
    assert Organisation.objects.get(pk=org.pk).name == "Kept"


def test_another_partnerships_records_cannot_be_edited(two: Two) -> None:
    client = two.client_for(ADMIN)
    theirs = OrganisationFactory(partnership=two.theirs)
    assert client.get(f"/organisations/{theirs.pk}/edit/").status_code == 404
    assert client.get(f"/partnerships/{two.theirs.pk}/people/new/").status_code == 404
