"""The good practice library: search, tags, links to the plan, and who may see and edit."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import GoodPracticeFactory, OrganisationFactory
from tests.partnerships.conftest import ADMIN, BOARD, LEAD, Two, action_in
from tests.partnerships.conftest import two as two
from wellboard.practice.models import GoodPractice, split_tags

pytestmark = pytest.mark.django_db


def _entry(two: Two, name: str, tags: str = "", **fields: object) -> GoodPractice:
    entry = GoodPracticeFactory(partnership=two.ours, name=name, **fields)
    entry.set_tags(tags)
    entry.save()
    return entry


def test_tags_are_trimmed_lower_cased_and_unique() -> None:
    assert split_tags(" Falls, older people,falls,, ") == ["falls", "older people"]


def test_search_matches_every_word_across_fields_and_tags(two: Two) -> None:
    org = OrganisationFactory(
        partnership=two.ours, name="Harrowfold District Council", acronym="HDC"
    )
    walking = _entry(
        two,
        "Walking netball",
        "older people, physical activity",
        place="Harrowfold",
        organisation=org,
    )
    _entry(two, "Baby cafe", "breastfeeding", place="Wenmarsh")
    assert list(GoodPractice.objects.search("netball harrowfold")) == [walking]
    assert list(GoodPractice.objects.search("HDC")) == [walking]
    assert list(GoodPractice.objects.search("netball wenmarsh")) == []
    assert list(GoodPractice.objects.tagged("older people")) == [walking]
    assert list(GoodPractice.objects.tagged("older")) == []


def test_public_sees_only_published_entries(two: Two) -> None:
    _entry(two, "Published project", published=True)
    hidden = _entry(two, "Internal project")
    public = Client()
    html = public.get("/practice/?q=project").content.decode()
    assert "Published project" in html and "Internal project" not in html
    assert public.get(f"/practice/{hidden.pk}/").status_code == 404
    member = two.client_for(BOARD).get(f"/practice/{hidden.pk}/")
    assert member.status_code == 200


def test_other_partnerships_unpublished_entries_are_hidden(two: Two) -> None:
    theirs = GoodPracticeFactory(partnership=two.theirs, name="Their draft")
    client = two.client_for(ADMIN)
    assert client.get(f"/practice/{theirs.pk}/").status_code == 404
    assert client.get(f"/practice/{theirs.pk}/edit/").status_code == 404
    assert client.get(f"/practice/new/{two.theirs.pk}/").status_code == 404


def test_detail_links_to_actions_but_hides_unpublished_ones_from_the_public(two: Two) -> None:
    entry = _entry(two, "Stop smoking in pregnancy", published=True)
    entry.actions.add(
        action_in(two.published, "Published action"), action_in(two.draft, "Draft one")
    )
    html = Client().get(f"/practice/{entry.pk}/").content.decode()
    assert "Published action" in html and "Draft one" not in html
    member_html = two.client_for(BOARD).get(f"/practice/{entry.pk}/").content.decode()
    assert "Draft one" in member_html


def test_officer_adds_an_entry_linked_to_an_action(two: Two) -> None:
    action = action_in(two.draft, "Run falls classes")
    theirs = action_in(two.their_strategy, "Not ours")
    client = two.client_for(LEAD)
    url = f"/practice/new/{two.ours.pk}/"
    data = {
        "name": "Strength and balance",
        "tags": "Falls, falls",
        "actions": [action.pk],
        "evidence_of_impact": "<b>30%</b> fewer falls",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    entry = GoodPractice.objects.get(name="Strength and balance")
    assert entry.partnership == two.ours and list(entry.actions.all()) == [action]
    assert entry.tag_list == ["falls"]
    assert "&lt;b&gt;30%&lt;/b&gt;" in client.get(f"/practice/{entry.pk}/").content.decode()
    bad = client.post(url, {"name": "Sneaky", "actions": [theirs.pk]})
    assert bad.status_code == 400 and not GoodPractice.objects.filter(name="Sneaky").exists()


def test_board_members_and_the_public_cannot_add_or_edit(two: Two) -> None:
    entry = _entry(two, "Existing", published=True)
    board = two.client_for(BOARD)
    assert board.get(f"/practice/new/{two.ours.pk}/").status_code == 403
    assert board.post(f"/practice/{entry.pk}/edit/", {"name": "Changed"}).status_code == 403
    assert Client().get(f"/practice/{entry.pk}/edit/").status_code == 302
    entry.refresh_from_db()
    assert entry.name == "Existing"
