"""The public pages of a published strategy: the strategy with each theme's roll-up, and a
page per theme with its priorities and actions.

The strategy's page no longer lists every action (issue #17), so these tests hold the
public record complete by clicking: every active action of the published plan, a
delegated sub-plan's among them, is on the page of a theme the strategy's page links to.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.delivery_world import World
from tests.factories import ActionFactory, PlanFactory, PriorityFactory, ThemeFactory
from wellboard.strategy.models import Action, Theme
from wellboard.strategy.services import add_update

pytestmark = pytest.mark.django_db

THEME_LINK = re.compile(r'href="(/public/themes/\d+/)"')


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _delegated_sub_plan(world: World) -> list[Action]:
    """A sub-plan whose actions a priority of the main plan counts as its own."""
    sub: Any = PlanFactory(strategy=world.strategy, title="Staying Healthy", position=5)
    sub_priority = PriorityFactory(theme=ThemeFactory(plan=sub), title="Sub-plan priority")
    made = [ActionFactory(priority=sub_priority, title=f"Sub-plan action {i}") for i in range(2)]
    PriorityFactory(theme=world.own_action.priority.theme, sub_plan=sub, title="Delegated")
    return made


def test_every_published_action_is_one_click_from_the_strategy_page(world: World) -> None:
    client = Client()
    sub_actions = _delegated_sub_plan(world)
    second = ThemeFactory(plan=world.strategy.main_plan, title="Live well", position=2)
    late = ActionFactory(priority=PriorityFactory(theme=second), title="Walking groups")
    gone = ActionFactory(priority=world.own_action.priority, title="Archived action")
    Action.objects.get(pk=gone.pk).archive()
    strategy_page = _page(client, reverse("strategy:public", args=[world.strategy.pk]))
    links = sorted(set(THEME_LINK.findall(strategy_page)))
    plan = world.strategy.main_plan
    assert plan is not None
    themes = Theme.objects.filter(plan=plan, archived_at__isnull=True)
    assert links == sorted(reverse("strategy:public_theme", args=[t.pk]) for t in themes)
    seen = "".join(_page(client, link) for link in links)
    for action in [world.own_action, world.other_action, late, *sub_actions]:
        assert action.title in seen, action.title
    assert "Archived action" not in seen
    assert world.foreign_action.title not in seen


def test_the_strategy_page_counts_each_theme_and_priority(world: World) -> None:
    ActionFactory(priority=world.own_action.priority, title="Third action")
    page = _page(Client(), reverse("strategy:public", args=[world.strategy.pk]))
    assert "Healthy pregnancies · 3 actions" in page
    assert 'aria-label="Start well: ' in page  # the theme's roll-up bar
    assert world.own_action.title not in page  # the actions are on the theme's page


def test_the_theme_page_shows_status_without_names_or_contact_details(world: World) -> None:
    theme = world.own_action.priority.theme
    page = _page(Client(), reverse("strategy:public_theme", args=[theme.pk]))
    assert "<h1>" in page and "Start well" in page
    assert world.own_action.title in page and "On track (green)" in page
    assert world.strategy.title in page  # the way back, in the breadcrumbs
    assert "Ada Lead" not in page and "ada@example.org" not in page
    assert "Role type colour key" in page


def test_an_approved_update_shows_on_the_next_request(world: World) -> None:
    theme_url = reverse("strategy:public_theme", args=[world.own_action.priority.theme_id])
    client = Client()
    assert "Complete" not in _page(client, theme_url)
    add_update(action=world.own_action, author=None, author_name="Lead",
               date=dt.date.today(), rag="complete", text="Done", percent_complete=None,
               override_reason="Done")  # fmt: skip
    assert "Complete" in _page(client, theme_url)


@pytest.mark.parametrize("who", ["anonymous", "stranger", "admin"])
def test_no_public_theme_page_for_an_unpublished_strategy_or_an_archived_theme(
    world: World, who: str
) -> None:
    client = Client()
    if who != "anonymous":
        client.force_login(getattr(world, who))
    foreign_theme = world.foreign_action.priority.theme_id
    assert client.get(reverse("strategy:public_theme", args=[foreign_theme])).status_code == 404
    archived: Any = ThemeFactory(plan=world.strategy.main_plan, title="Old theme")
    archived.archive()
    assert client.get(reverse("strategy:public_theme", args=[archived.pk])).status_code == 404
    world.strategy.published = False
    world.strategy.save()
    own_theme = world.own_action.priority.theme_id
    assert client.get(reverse("strategy:public_theme", args=[own_theme])).status_code == 404
