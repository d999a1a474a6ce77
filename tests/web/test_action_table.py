"""The action table drawn in Python (web/action_table.py) is the table the Jinja macros drew
(tests/strategy/macro_table.py; the template now calls the Python drawing, so it is no
reference), for the model path's states and for the light rows of "my actions" and the
dashboard: links, role markers, escaped titles, leads, due wording, stale and overdue
statuses, and the line shown when there are none."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests.delivery_world import World
from tests.factories import ActionFactory, OrganisationFactory, UpdateFactory
from tests.strategy.macro_table import MACRO_TABLE, draw
from wellboard.strategy.delivery_current import current_actions, current_state
from wellboard.strategy.led import led_states
from wellboard.strategy.models import Action, ActionOrganisation
from wellboard.web.action_table import action_table

pytestmark = pytest.mark.django_db


def same(html: str) -> str:
    """Whitespace between and inside elements aside (the template's lines and indents)."""
    return " ".join(html.split())


def varied(world: World) -> None:
    """Actions with markup in their words, no ref, a role type or none, an overdue and a
    silent one, and two lead organisations."""
    today = timezone.localdate()
    priority = world.own_action.priority
    tricky: Any = ActionFactory(
        priority=priority, ref="", title='Fish & chips <b>"now"</b>', due_text="Q3 <2027>"
    )
    orgs = [OrganisationFactory(partnership=world.strategy.partnership, acronym=a) for a in "A&B"]
    for org in orgs:
        ActionOrganisation.objects.create(action=tricky, organisation=org)
    late: Any = ActionFactory(
        priority=priority, ref="9.9", due_end=today - dt.timedelta(days=3), role_type="direct"
    )
    UpdateFactory(action=late, date=today - dt.timedelta(days=200), rag="red")


def test_the_python_table_is_the_macros_table(world: World) -> None:
    varied(world)
    today = timezone.localdate()
    actions = Action.objects.in_strategy(world.strategy).order_by("pk")
    states = [
        current_state(a, today) for a in current_actions().filter(pk__in=actions).order_by("pk")
    ]
    expected = draw(MACRO_TABLE, states)
    assert same(action_table(states)) == expected
    assert same(action_table(led_states(actions, today))) == expected
    assert "Fish &amp; chips &lt;b&gt;" in expected and "wb-rag--overdue" in expected
    assert "(no update for 90 days)" in expected and "wb-role-type" in expected


def test_no_actions_is_the_macros_line() -> None:
    assert same(action_table([])) == draw(MACRO_TABLE, []) == "<p>No actions match.</p>"
