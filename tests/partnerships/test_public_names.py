"""The public pages name no one unless the partnership chose to publish names (issue #12.15)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import (
    ActionFactory,
    GoodPracticeFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    PlanFactory,
    PriorityFactory,
    StrategyFactory,
    ThemeFactory,
    UpdateFactory,
)
from wellboard.accounts.models import Membership
from wellboard.partnerships.models import Partnership

pytestmark = pytest.mark.django_db

COUNCILLOR = "Cllr Zebedee Quillfeather"
OFFICER = "Ophelia Marchbanks"
CONTACT = "Barnaby Thistlewood"


@dataclass
class Published:
    partnership: Partnership
    public_paths: list[str]
    theme_path: str


@pytest.fixture
def published() -> Published:
    partnership = PartnershipFactory()
    councillor = PersonFactory(partnership=partnership, name=COUNCILLOR)
    officer = PersonFactory(partnership=partnership, name=OFFICER)
    strategy = StrategyFactory(partnership=partnership, published=True)
    plan = PlanFactory(strategy=strategy)
    theme = ThemeFactory(plan=plan, lead_member=councillor)
    priority = PriorityFactory(theme=theme, lead_officer=officer)
    action = ActionFactory(priority=priority, lead_officer=officer)
    UpdateFactory(action=action, author_name=OFFICER)
    organisation = OrganisationFactory(partnership=partnership)
    officer.organisation = organisation
    officer.save()
    practice = GoodPracticeFactory(partnership=partnership, published=True, contact=CONTACT)
    paths = [
        reverse("web:home"),
        reverse("strategy:public", args=[strategy.pk]),
        reverse("strategy:public_theme", args=[theme.pk]),
        reverse("practice:library"),
        reverse("practice:detail", args=[practice.pk]),
        reverse("partnerships:overview", args=[partnership.pk]),
        reverse("partnerships:organisations", args=[partnership.pk]),
        reverse("partnerships:organisation", args=[organisation.pk]),
        reverse("partnerships:glossary", args=[partnership.pk]),
        reverse("partnerships:alignment", args=[partnership.pk]),
        reverse("partnerships:roles", args=[partnership.pk]),
    ]
    return Published(partnership, paths, reverse("strategy:theme", args=[theme.pk]))


def _names_on(client: Client, paths: list[str]) -> set[str]:
    found = set()
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        found |= {name for name in (COUNCILLOR, OFFICER, CONTACT) if name in page}
    return found


def test_the_public_sees_no_names_by_default(client: Client, published: Published) -> None:
    assert published.partnership.publish_names is False
    assert _names_on(client, published.public_paths) == set()


def test_the_public_sees_names_once_the_partnership_publishes_them(
    client: Client, published: Published
) -> None:
    published.partnership.publish_names = True
    published.partnership.save()
    assert {COUNCILLOR, CONTACT} <= _names_on(client, published.public_paths)


def test_members_always_see_the_names(client: Client, published: Published) -> None:
    member = MembershipFactory(partnership=published.partnership)
    client.force_login(member.user)  # members get a dashboard at home, and the theme pages
    paths = [*published.public_paths, published.theme_path]
    assert {COUNCILLOR, CONTACT} <= _names_on(client, paths)


def test_an_administrator_chooses_to_publish_names_from_the_overview(
    client: Client, published: Published
) -> None:
    admin = MembershipFactory(partnership=published.partnership, role=Membership.Role.ADMINISTRATOR)
    client.force_login(admin.user)
    overview = client.get(reverse("partnerships:overview", args=[published.partnership.pk]))
    page = reverse("partnerships:publishing", args=[published.partnership.pk])
    assert page in overview.content.decode()
    assert client.get(page).status_code == 200
    response = client.post(page, {"publish_names": "on"})
    assert response.status_code == 302
    published.partnership.refresh_from_db()
    assert published.partnership.publish_names is True
    client.post(page, {})
    published.partnership.refresh_from_db()
    assert published.partnership.publish_names is False
