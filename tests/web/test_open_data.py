"""The open data page and its files: published strategies only, names only where the
partnership publishes them, formula-safe CSV, the partnership's licence."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass

import pytest
import time_machine
from django.test import Client

from tests.factories import (
    ActionFactory,
    IndicatorFactory,
    MembershipFactory,
    PersonFactory,
    PriorityFactory,
    StrategyFactory,
    UpdateFactory,
)
from wellboard.indicators.models import IndicatorValue
from wellboard.strategy.models import Action, ActionIndicator, Strategy, UpdateReview

pytestmark = pytest.mark.django_db


@dataclass
class Open:
    published: Strategy
    draft: Strategy
    action: Action
    formula: Action


@pytest.fixture
def world() -> Open:
    published = StrategyFactory(published=True, title="Healthy Vale")
    partnership = published.partnership
    priority = PriorityFactory(theme__plan__strategy=published, title="Start well")
    lead = PersonFactory(partnership=partnership, name="Ada Lovelace")
    action = ActionFactory(priority=priority, ref="1.1", title="Family hubs", lead_officer=lead)
    action.set_due("March 2027")
    action.save()
    UpdateFactory(action=action, date=dt.date(2026, 9, 1), rag="green")
    returned = UpdateFactory(action=action, date=dt.date(2026, 10, 1), rag="red")
    UpdateReview.objects.create(update=returned, decision="returned", reason="Say more.")
    formula = ActionFactory(priority=priority, title='=HYPERLINK("http://evil","Click")')
    indicator = IndicatorFactory(partnership=partnership, code="PHOF C16", name="Obesity")
    ActionIndicator.objects.create(action=action, indicator=indicator)
    IndicatorValue.objects.create(indicator=indicator, area_code="E10000030",
                                  area_name="Vale", period_label="2023/24", value=31.2,
                                  lower_ci95=29.9, upper_ci95=32.6)  # fmt: skip
    IndicatorFactory(partnership=partnership, code="PHOF X99")  # linked to nothing
    draft = StrategyFactory(partnership=partnership, published=False, title="Secret refresh")
    ActionFactory(priority__theme__plan__strategy=draft, title="Not yet public")
    return Open(published, draft, action, formula)


def _csv(client: Client, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_page_lists_published_strategies_with_files_licence_and_dictionary(world: Open) -> None:
    page = Client().get("/open-data/").content.decode()
    base = f"/open-data/strategies/{world.published.pk}/"
    for name in ("actions.csv", "actions.json", "indicators.csv", "indicators.json"):
        assert base + name in page
    assert "Healthy Vale" in page and "Secret refresh" not in page
    assert "Open Government Licence v3.0" in page
    assert "latest_update_date" in page and "The date of the latest approved" in page


def test_home_page_and_footer_link_to_the_open_data(world: Open) -> None:
    home = Client().get("/").content.decode()
    assert home.count('href="/open-data/"') == 2  # in the page and in the footer
    member = MembershipFactory(partnership=world.published.partnership)
    client = Client()
    client.force_login(member.user)
    assert 'href="/open-data/"' in client.get("/strategies/").content.decode()


@time_machine.travel(dt.datetime(2026, 11, 2, 12, tzinfo=dt.UTC), tick=False)
def test_actions_csv_has_status_and_latest_approved_update_without_names(world: Open) -> None:
    rows = _csv(Client(), f"/open-data/strategies/{world.published.pk}/actions.csv")
    by_id = {int(r["action_id"]): r for r in rows}
    assert set(by_id) == {world.action.pk, world.formula.pk}
    row = by_id[world.action.pk]
    assert (row["ref"], row["title"]) == ("1.1", "Family hubs")
    assert (row["theme"], row["priority"]) == (world.action.priority.theme.title, "Start well")
    assert row["status"] == "On track (green)"  # the returned red update does not count
    assert row["latest_update_date"] == "2026-09-01"
    assert row["due_end"] == "2027-03-31"
    assert row["lead_officer"] == ""
    assert by_id[world.formula.pk]["title"] == '\'=HYPERLINK("http://evil","Click")'
    assert "Ada Lovelace" not in str(rows)


def test_names_appear_once_the_partnership_publishes_them(world: Open) -> None:
    partnership = world.published.partnership
    partnership.publish_names = True
    partnership.open_data_licence = "CC-BY-4.0"
    partnership.save()
    url = f"/open-data/strategies/{world.published.pk}/actions.json"
    response = Client().get(url)
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    document = json.loads(response.content)
    assert document["licence"]["name"] == "Creative Commons Attribution 4.0"
    assert document["publisher"] == partnership.name
    [named] = [r for r in document["rows"] if r["action_id"] == world.action.pk]
    assert named["lead_officer"] == "Ada Lovelace"


def test_indicators_files_carry_the_linked_indicators_values(world: Open) -> None:
    rows = _csv(Client(), f"/open-data/strategies/{world.published.pk}/indicators.csv")
    assert [(r["code"], r["period"], r["value"], r["upper_ci95"]) for r in rows] == [
        ("PHOF C16", "2023/24", "31.2", "32.6")
    ]
    document = json.loads(
        Client().get(f"/open-data/strategies/{world.published.pk}/indicators.json").content
    )
    assert document["rows"][0]["value"] == 31.2 and document["dataset"] == "indicators"


@pytest.mark.parametrize("name", ["actions.csv", "actions.json", "indicators.csv"])
def test_an_unpublished_strategy_has_no_files_even_for_members(world: Open, name: str) -> None:
    url = f"/open-data/strategies/{world.draft.pk}/{name}"
    assert Client().get(url).status_code == 404
    member = MembershipFactory(partnership=world.draft.partnership, role="administrator")
    client = Client()
    client.force_login(member.user)
    assert client.get(url).status_code == 404


def test_administrator_chooses_the_licence_on_the_publishing_page(world: Open) -> None:
    partnership = world.published.partnership
    member = MembershipFactory(partnership=partnership, role="administrator")
    client = Client()
    client.force_login(member.user)
    url = f"/partnerships/{partnership.pk}/publishing/"
    assert "Licence of the open data" in client.get(url).content.decode()
    assert client.post(url, {"open_data_licence": "CC0-1.0"}).status_code == 302
    partnership.refresh_from_db()
    assert partnership.open_data_licence == "CC0-1.0"
    assert client.post(url, {"open_data_licence": "MIT"}).status_code == 400
