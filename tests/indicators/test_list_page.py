"""The indicators page reads its rows as values and reverses each address once: the same
page as when it drew model instances (tests/indicators/list_before.jinja), for members of
one partnership and of two; text escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.template import engines
from django.test import Client

from tests.factories import MembershipFactory, UserFactory
from tests.indicators.test_views import theme  # noqa: F401 - the fixture
from wellboard.accounts.models import Membership
from wellboard.accounts.permissions import scoped
from wellboard.indicators.models import Indicator
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Theme

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
BEFORE = (Path(__file__).parent / "list_before.jinja").read_text()


def old_page(client: Client) -> str:
    """The page as the view drew it with model instances."""
    request = client.get("/indicators/").wsgi_request
    user = request.user
    indicators = scoped(
        Indicator, user, Indicator.objects.select_related("partnership", "catalogue_entry")
    ).order_by("partnership", "code")
    themes = scoped(Theme, user, Theme.objects.in_plan_order()).select_related("plan__strategy")
    env = engines["jinja2"]
    return env.from_string(BEFORE).render({"indicators": indicators, "themes": themes}, request)


def same(html: str) -> str:
    return TOKEN.sub("token", html)


def test_the_page_is_what_it_was_with_model_instances(
    client: Client,
    theme: Theme,  # noqa: F811
    loaded: Partnership,
) -> None:
    other = MembershipFactory(role=Membership.Role.ADMINISTRATOR).partnership
    Indicator.objects.create(partnership=other, code="LOCAL 1", name="<b>Other</b>", target=12.5)
    Indicator.objects.create(partnership=loaded, code="LOCAL 2", target_text="Halve it")
    member = MembershipFactory(partnership=loaded, role=Membership.Role.BOARD_MEMBER).user
    both = UserFactory()
    MembershipFactory(user=both, partnership=loaded)
    MembershipFactory(user=both, partnership=other)
    for user in (member, both):
        client.force_login(user)
        html = client.get("/indicators/").content.decode()
        assert same(html) == same(old_page(client))
    client.force_login(both)
    html = client.get("/indicators/").content.decode()
    assert "&lt;b&gt;Other&lt;/b&gt;" in html and "Halve it" in html and "12.5" in html
    assert f'href="/indicators/themes/{theme.pk}/"' in html
    client.force_login(member)
    assert "Other" not in client.get("/indicators/").content.decode()
