"""The indicator page reads each thing once (its series, values and home area serve the
chart, the table and the summary; the linked actions are asked with EXISTS, only their
reference and title): the same page as when each part read its own, for members and the
public, every series; and a fixed number of queries."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import ActionFactory, MembershipFactory, PriorityFactory, StrategyFactory
from tests.indicators.test_views import asq, theme  # noqa: F401 - the fixture
from wellboard.accounts.models import Membership
from wellboard.accounts.permissions import can, is_member
from wellboard.indicators.models import Indicator
from wellboard.indicators.presenters import chosen_series, decimals_for, indicator_page
from wellboard.indicators.summary import indicator_summary
from wellboard.strategy.models import Action, ActionIndicator, Theme

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def old_page(client: Client, indicator: Indicator, series: str | None) -> str:
    """The page as the view drew it when the summary and page read their own values."""
    query = "" if series is None else f"?series={series}"
    request = client.get(f"/indicators/{indicator.pk}/{query}").wsgi_request  # same address
    key, _ = chosen_series(indicator, series)
    actions = Action.objects.filter(indicator_links__indicator=indicator).with_strategy().distinct()
    if not is_member(request.user, indicator.partnership_id):
        actions = actions.published()
    context: dict[str, Any] = {
        "indicator": indicator,
        "page": indicator_page(indicator, key),
        "summary": indicator_summary(indicator, key=key),
        "actions": actions,
        "decimals": decimals_for(indicator),
        "can_upload": can(request.user, "indicator.manage", indicator),
    }
    return render_to_string("indicators/detail.jinja", context, request=request)


def page(client: Client, indicator: Indicator, series: str | None) -> str:
    query = "" if series is None else f"?series={series}"
    response = client.get(f"/indicators/{indicator.pk}/{query}")
    assert response.status_code == 200
    return response.content.decode()


def same(html: str) -> str:
    return TOKEN.sub("token", html)


def link_actions(theme: Theme, indicator: Indicator) -> None:  # noqa: F811
    """Another action linked twice, and one of a published strategy."""
    twice = ActionFactory(priority=theme.priorities.first(), title="Linked <twice>")
    ActionIndicator.objects.create(action=twice, indicator=indicator)
    ActionIndicator.objects.create(action=twice, indicator=indicator, position=3)
    published = StrategyFactory(partnership=theme.plan.strategy.partnership, published=True)
    shown = ActionFactory(
        priority=PriorityFactory(theme__plan__strategy=published), title="Published one"
    )
    ActionIndicator.objects.create(action=shown, indicator=indicator)


@pytest.mark.parametrize("role", [*Membership.Role.values, "public"])
def test_the_page_is_what_it_was_when_each_part_read_its_own(
    client: Client,
    theme: Theme,  # noqa: F811
    role: str,
) -> None:
    partnership = theme.plan.strategy.partnership
    link_actions(theme, asq(partnership))
    if role != "public":
        client.force_login(MembershipFactory(partnership=partnership, role=role).user)
    drawn = 0
    for indicator in Indicator.objects.filter(partnership=partnership):
        if (
            role == "public"
            and not ActionIndicator.objects.filter(
                indicator=indicator, action__priority__theme__plan__strategy__published=True
            ).exists()
        ):
            continue
        choices = len(chosen_series(indicator, None)[1])
        for series in [None, "0", "1", str(choices - 1), "99", "x"]:
            html = page(client, indicator, series)
            assert same(html) == same(old_page(client, indicator, series)), (indicator, series)
            drawn += 1
    assert drawn >= 6
    if role != "public":
        html = page(client, asq(partnership), None)
        assert html.count("Linked &lt;twice&gt;") == 1 and "Published one" in html


def test_the_page_costs_the_same_queries_with_more_actions_and_series(
    client: Client,
    theme: Theme,  # noqa: F811
) -> None:
    partnership = theme.plan.strategy.partnership
    indicator = asq(partnership)
    client.force_login(
        MembershipFactory(partnership=partnership, role=Membership.Role.ADMINISTRATOR).user
    )
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            page(client, indicator, "1")
        counts.append(len(captured))
        link_actions(theme, indicator)
    assert counts[0] == counts[1]
    values = connection.ops.quote_name("indicators_indicatorvalue")
    area = connection.ops.quote_name("indicators_reportingarea")
    with CaptureQueriesContext(connection) as captured:
        page(client, indicator, None)
    reads = [q["sql"] for q in captured.captured_queries]
    assert sum(f"FROM {values}" in sql for sql in reads) == 2, "the series, then the values"
    assert sum(f"FROM {area}" in sql for sql in reads) <= 1
