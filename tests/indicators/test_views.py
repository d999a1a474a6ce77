"""Indicator pages for each role, the public, and other partnerships."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from tests.factories import (
    ActionFactory,
    MembershipFactory,
    PartnershipFactory,
    PlanFactory,
    PriorityFactory,
    StrategyFactory,
    ThemeFactory,
)
from wellboard.accounts.models import Membership
from wellboard.indicators.models import Indicator
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import ActionIndicator, Theme, ThemeIndicator

pytestmark = pytest.mark.django_db
ROLES = [r.value for r in Membership.Role]


@pytest.fixture
def theme(loaded: Partnership) -> Theme:
    strategy = StrategyFactory(partnership=loaded, published=False)
    theme = ThemeFactory(plan=PlanFactory(strategy=strategy), title="Start well")
    for position, code in enumerate(["PHOF 2.05ii", "Fingertips 93999"]):
        ThemeIndicator.objects.create(
            theme=theme,
            indicator=Indicator.objects.get(partnership=loaded, code=code),
            position=position,
        )
    Indicator.objects.create(partnership=loaded, code="PHOF 9.99")
    ThemeIndicator.objects.create(
        theme=theme, indicator=Indicator.objects.get(code="PHOF 9.99"), position=5
    )
    action = ActionFactory(
        priority=PriorityFactory(theme=theme), title="Offer every family a review"
    )
    ActionIndicator.objects.create(action=action, indicator=asq(loaded))
    return theme


def asq(partnership: Partnership) -> Indicator:
    return Indicator.objects.get(partnership=partnership, code="PHOF 2.05ii")


def login(client: Client, partnership: Partnership, role: str) -> None:
    client.force_login(MembershipFactory(partnership=partnership, role=role).user)


@pytest.mark.parametrize("role", ROLES)
def test_members_see_the_indicator_page_with_chart_table_and_actions(
    client: Client, theme: Theme, role: str
) -> None:
    partnership = theme.plan.strategy.partnership
    login(client, partnership, role)
    response = client.get(f"/indicators/{asq(partnership).pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="img"' in html and "wb-chart-table" in html
    assert html.count('class="wb-chart__point"') == 5
    assert "Offer every family a review" in html
    assert "Increasing and getting better" in html
    start, end = html.index("<svg"), html.index("</svg>") + len("</svg>")
    ET.fromstring(html[start:end])


@pytest.mark.parametrize("role", ROLES)
def test_members_see_the_theme_outcomes_spine(client: Client, theme: Theme, role: str) -> None:
    login(client, theme.plan.strategy.partnership, role)
    response = client.get(f"/indicators/themes/{theme.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("PHOF 2.05ii") < html.index("Fingertips 93999") < html.index("PHOF 9.99")
    assert "wb-compare--better" in html and "\N{UPWARDS ARROW}" in html
    assert "Unknown code" in html  # PHOF 9.99 is not in the catalogue
    assert "No data" in html  # the suppressed value


@pytest.mark.parametrize("role", ROLES)
def test_members_see_the_area_comparison(client: Client, theme: Theme, role: str) -> None:
    partnership = theme.plan.strategy.partnership
    login(client, partnership, role)
    response = client.get(f"/indicators/{asq(partnership).pk}/areas/")
    html = response.content.decode()
    assert response.status_code == 200
    # Two counties and the region; England is the benchmark line, not a bar.
    assert html.count('class="wb-chart__bar"') == 3
    assert "Northmoor" in html and "2021/22" in html
    earlier = client.get(f"/indicators/{asq(partnership).pk}/areas/?period=2017/18")
    assert "2017/18" in earlier.content.decode()


def test_the_public_sees_nothing_until_the_strategy_is_published(
    client: Client, theme: Theme
) -> None:
    partnership = theme.plan.strategy.partnership
    urls = [
        f"/indicators/{asq(partnership).pk}/",
        f"/indicators/{asq(partnership).pk}/areas/",
        f"/indicators/themes/{theme.pk}/",
    ]
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]
    strategy = theme.plan.strategy
    strategy.published = True
    strategy.save()
    assert [client.get(url).status_code for url in urls] == [200, 200, 200]


def test_other_partnerships_get_404(client: Client, theme: Theme) -> None:
    partnership = theme.plan.strategy.partnership
    login(client, PartnershipFactory(), Membership.Role.ADMINISTRATOR)
    assert client.get(f"/indicators/{asq(partnership).pk}/").status_code == 404
    assert client.get(f"/indicators/themes/{theme.pk}/").status_code == 404
    assert client.get("/indicators/999999/").status_code == 404


def test_public_page_lists_only_published_actions(client: Client, theme: Theme) -> None:
    partnership = theme.plan.strategy.partnership
    other = StrategyFactory(partnership=partnership, published=True)
    hidden = theme.priorities.first().actions.first()
    shown = ActionFactory(
        priority=PriorityFactory(theme=ThemeFactory(plan=PlanFactory(strategy=other))),
        title="A published action",
    )
    ActionIndicator.objects.create(action=shown, indicator=asq(partnership))
    html = client.get(f"/indicators/{asq(partnership).pk}/").content.decode()
    assert "A published action" in html and hidden.title not in html


def test_user_text_is_escaped(client: Client, theme: Theme) -> None:
    partnership = theme.plan.strategy.partnership
    indicator = asq(partnership)
    indicator.name = "<script>alert(1)</script>"
    indicator.save()
    login(client, partnership, Membership.Role.BOARD_MEMBER)
    for url in (f"/indicators/{indicator.pk}/", f"/indicators/themes/{theme.pk}/"):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_pages_only_answer_get(client: Client, theme: Theme) -> None:
    login(client, theme.plan.strategy.partnership, Membership.Role.ADMINISTRATOR)
    assert client.post(f"/indicators/themes/{theme.pk}/").status_code == 405
