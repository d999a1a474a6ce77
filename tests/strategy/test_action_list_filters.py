"""The action list's filter drop-downs (drawn once per distinct field, web/drawn_once.py):
each member sees only their own partnership's options, and a renamed or added theme
shows at once."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.delivery_world import World
from tests.factories import ThemeFactory
from wellboard.strategy.models import Theme

pytestmark = pytest.mark.django_db


def _theme_options(html: str) -> list[str]:
    select = re.search(r'<select[^>]*name="theme".*?</select>', html, re.S)
    assert select is not None
    return re.findall(r'<option value="\d+"[^>]*>([^<]*)</option>', select.group(0))


def test_each_partnership_sees_only_its_own_options(client: Client, world: World) -> None:
    own = Theme.objects.get(pk=world.own_action.priority.theme_id)
    foreign = Theme.objects.get(pk=world.foreign_action.priority.theme_id)
    foreign.title = "Foreign theme"
    foreign.save()
    client.force_login(world.admin)
    assert _theme_options(client.get("/actions/").content.decode()) == [own.title]
    client.force_login(world.stranger)
    assert _theme_options(client.get("/actions/").content.decode()) == ["Foreign theme"]
    client.force_login(world.admin)
    html = client.get("/actions/").content.decode()
    assert "Foreign theme" not in html and _theme_options(html) == [own.title]


def test_a_renamed_or_added_theme_shows_at_once(client: Client, world: World) -> None:
    client.force_login(world.admin)
    own = Theme.objects.get(pk=world.own_action.priority.theme_id)
    before = _theme_options(client.get("/actions/").content.decode())
    own.title = "Renamed theme"
    own.save()
    ThemeFactory(plan=own.plan, title="Added theme")
    after = _theme_options(client.get("/actions/").content.decode())
    assert before == [before[0]] and before[0] != "Renamed theme"
    assert after == ["Renamed theme", "Added theme"]


def test_the_chosen_option_is_the_one_in_the_query(client: Client, world: World) -> None:
    client.force_login(world.admin)
    theme = world.own_action.priority.theme_id
    chosen = client.get(f"/actions/?theme={theme}").content.decode()
    plain = client.get("/actions/").content.decode()
    assert f'<option value="{theme}" selected>' in chosen
    assert f'<option value="{theme}" selected>' not in plain
