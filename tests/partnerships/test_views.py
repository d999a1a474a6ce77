"""Partnership pages: what each audience sees, and that other partnerships' data stays hidden."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import (
    OrganisationFactory,
    OtherStrategyFactory,
    PersonFactory,
    WorkingGroupFactory,
)
from tests.partnerships.conftest import ADMIN, BOARD, LEAD, Two, action_in, link
from wellboard.partnerships.models import GlossaryTerm, WorkingGroupPlace
from wellboard.strategy.models import ActionLink

pytestmark = pytest.mark.django_db


def test_organisation_page_lists_actions_across_two_plans(two: Two) -> None:
    org = OrganisationFactory(partnership=two.ours, name="Harrowfold District Council")
    led = action_in(two.published, "Run falls classes", plan_title="Delivery plan")
    supported = action_in(two.published, "Offer debt advice", plan_title="Ageing well plan")
    elsewhere = action_in(two.published, "Unrelated action")
    link(led, org, lead=True)
    link(supported, org, lead=False)
    html = two.client_for(BOARD).get(f"/organisations/{org.pk}/").content.decode()
    assert "Delivery plan" in html and "Ageing well plan" in html
    assert "Run falls classes" in html and "Offer debt advice" in html
    assert elsewhere.title not in html
    assert html.index("Run falls classes") < html.index("Leads") < html.index("Offer debt advice")
    assert "Supports" in html


def test_public_organisation_page_shows_only_published_actions(two: Two) -> None:
    org = OrganisationFactory(partnership=two.ours)
    link(action_in(two.published, "Published action"), org)
    link(action_in(two.draft, "Draft action"), org)
    html = Client().get(f"/organisations/{org.pk}/").content.decode()
    assert "Published action" in html
    assert "Draft action" not in html
    member_html = two.client_for(BOARD).get(f"/organisations/{org.pk}/").content.decode()
    assert "Draft action" in member_html


def test_another_partnerships_records_answer_404(two: Two) -> None:
    their_org = OrganisationFactory(partnership=two.theirs)
    group = WorkingGroupFactory(partnership=two.theirs)
    client = two.client_for(ADMIN)
    pk = two.theirs.pk
    for path in [
        f"/organisations/{their_org.pk}/",
        f"/partnerships/{pk}/",
        f"/partnerships/{pk}/organisations/",
        f"/partnerships/{pk}/people/",
        f"/partnerships/{pk}/working-groups/",
        f"/partnerships/{pk}/working-groups/{group.pk}/",
        f"/partnerships/{pk}/glossary/",
        f"/partnerships/{pk}/alignment/",
        f"/partnerships/{pk}/roles/",
        f"/partnerships/{pk}/duplicates/",
        f"/partnerships/{two.ours.pk}/working-groups/{group.pk}/",
    ]:
        assert client.get(path).status_code == 404, path


def test_public_sees_published_partnership_pages_but_not_member_pages(two: Two) -> None:
    public, pk = Client(), two.ours.pk
    for path in ["", "organisations/", "glossary/", "alignment/", "roles/"]:
        assert public.get(f"/partnerships/{pk}/{path}").status_code == 200, path
    for path in ["people/", "working-groups/", "duplicates/"]:
        # Member pages send visitors to sign in (before any lookup, so nothing leaks) ...
        response = public.get(f"/partnerships/{pk}/{path}")
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/login/"), path
        # ... and do not exist for a signed-in member of another partnership.
        outsider = two.client_for(ADMIN, two.theirs).get(f"/partnerships/{pk}/{path}")
        assert outsider.status_code == 404, path
    # A partnership with nothing published does not exist for the public.
    assert public.get(f"/partnerships/{two.theirs.pk}/").status_code == 404


def test_board_members_cannot_use_the_duplication_finder(two: Two) -> None:
    assert two.client_for(BOARD).get(f"/partnerships/{two.ours.pk}/duplicates/").status_code == 403
    assert two.client_for(LEAD).get(f"/partnerships/{two.ours.pk}/duplicates/").status_code == 200


def test_people_page_shows_role_organisation_and_boards(two: Two) -> None:
    org = OrganisationFactory(partnership=two.ours, name="Wenmarsh District Council")
    person = PersonFactory(partnership=two.ours, name="Asha Patel", job_title="Director")
    person.organisation = org
    person.board_role = "chair"
    person.save()
    html = two.client_for(BOARD).get(f"/partnerships/{two.ours.pk}/people/").content.decode()
    assert "Asha Patel" in html and "Director" in html and "Wenmarsh District Council" in html
    assert "Chair" in html


def test_working_group_shows_places_to_be_advised_and_overseen_actions(two: Two) -> None:
    council = OrganisationFactory(partnership=two.ours, name="Oakhythe District Council")
    group = WorkingGroupFactory(
        partnership=two.ours, name="Healthier Group", terms_of_reference="Meets <quarterly>."
    )
    named = PersonFactory(partnership=two.ours, name="Sam Reid")
    WorkingGroupPlace.objects.create(group=group, organisation=council, person=named, role="Chair")
    WorkingGroupPlace.objects.create(group=group, role="Parent governor")
    action = action_in(two.draft, "Walking for health")
    group.actions.add(action)
    url = f"/partnerships/{two.ours.pk}/working-groups/{group.pk}/"
    html = two.client_for(BOARD).get(url).content.decode()
    assert "Sam Reid" in html and "Parent governor" in html and "To be advised" in html
    assert "Walking for health" in html
    assert "Meets &lt;quarterly&gt;." in html


def test_glossary_lists_undefined_organisation_acronyms_and_admin_defines_one(two: Two) -> None:
    org = OrganisationFactory(partnership=two.ours, name="Voluntary Action EV", acronym="VAEV")
    link(action_in(two.published, "Grow volunteering"), org)
    GlossaryTerm.objects.create(partnership=two.ours, term="EV", meaning="Elmbridge Vale")
    url = f"/partnerships/{two.ours.pk}/glossary/"
    admin = two.client_for(ADMIN)
    html = admin.get(url).content.decode()
    unknown = html.split('id="unknown"')[1]
    assert "VAEV" in unknown and "Define VAEV" in unknown
    response = admin.post(url, {"term": "VAEV", "meaning": "Voluntary Action Elmbridge Vale"})
    assert response.status_code == 302
    assert "VAEV" not in admin.get(url).content.decode().split('id="unknown"')[1]
    again = admin.post(url, {"term": "VAEV", "meaning": "twice"})
    assert again.status_code == 400 and b"already in the glossary" in again.content
    assert two.client_for(BOARD).post(url, {"term": "X", "meaning": "Y"}).status_code == 403
    assert GlossaryTerm.objects.filter(partnership=two.ours).count() == 2


def test_alignment_page_lists_priorities_and_actions_with_an_accessible_picture(two: Two) -> None:
    housing = OtherStrategyFactory(partnership=two.ours, title="Housing Strategy 2025")
    OtherStrategyFactory(partnership=two.ours, title="Transport Plan")
    action = action_in(two.published, "Adapt homes for older people")
    ActionLink.objects.create(action=action, other_strategy=housing)
    html = Client().get(f"/partnerships/{two.ours.pk}/alignment/").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert svg.count("<line") == 1
    table = html[html.index("<table") :]
    assert "Housing Strategy 2025" in table and "Adapt homes for older people" in table
    assert action.priority.title in table
    assert "Transport Plan" in table


def test_role_balance_counts_each_role_type(two: Two) -> None:
    for title, role in [("a", "advocacy"), ("b", "advocacy"), ("c", "direct"), ("d", "")]:
        action_in(two.published, title, role_type=role)
    action_in(two.draft, "hidden from the public", role_type="capacity")
    html = Client().get(f"/partnerships/{two.ours.pk}/roles/").content.decode()
    assert "4 actions in all" in html
    assert "wb-role-bar--advocacy" in html and "wb-w-50" in html
    assert "wb-colour--purple wb-role-bar--advocacy" in html
    assert "wb-role-bar--capacity" not in html
    member = two.client_for(BOARD).get(f"/partnerships/{two.ours.pk}/roles/").content.decode()
    assert "5 actions in all" in member and "wb-role-bar--capacity" in member
