"""The action page's links read by statements compiled once (strategy/action_links.py):
the same labels, in the same order, as the models' own links give, for that action only;
and the page draws them."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.delivery_world import World
from tests.factories import (
    ActionFactory,
    BoardFactory,
    IndicatorFactory,
    OrganisationFactory,
    OtherStrategyFactory,
)
from wellboard.strategy import action_links as module
from wellboard.strategy.action_links import action_links
from wellboard.strategy.models import (
    Action,
    ActionBoard,
    ActionIndicator,
    ActionLink,
    ActionOrganisation,
)

pytestmark = pytest.mark.django_db


def linked(action: Action) -> None:
    """Links of every kind, positions out of id order, names with and without acronyms."""
    partnership = action.priority.theme.plan.strategy.partnership
    named = OrganisationFactory(
        partnership=partnership, name=f"No Acronym Trust {action.pk}", acronym=""
    )
    orgs = [
        OrganisationFactory(partnership=partnership),
        named,
        *(
            OrganisationFactory(partnership=partnership, name=f"Org <{i}> {action.pk}", acronym="")
            for i in range(4)
        ),
    ]
    for position, (org, lead) in enumerate(
        zip(orgs, [True, True, False, False, True, False], strict=True)
    ):
        ActionOrganisation.objects.create(
            action=action, organisation=org, is_lead=lead, position=(5 - position) % 3
        )
    boards = [BoardFactory(partnership=partnership, short_name=s) for s in ("", "SG", "")]
    for position, board in enumerate(boards):
        ActionBoard.objects.create(action=action, board=board, position=position % 2)
    for position in (2, 1, 1):
        indicator = IndicatorFactory(partnership=partnership)
        ActionIndicator.objects.create(action=action, indicator=indicator, position=position)
    for position in (1, 0):
        other = OtherStrategyFactory(partnership=partnership)
        ActionLink.objects.create(action=action, other_strategy=other, position=position)


def from_models(action: Action) -> dict[str, Any]:
    """What the page showed through the models' links (prefetched before)."""
    fresh = Action.objects.get(pk=action.pk)
    return {
        "lead": fresh.lead_labels(),
        "supporting": fresh.supporting_labels(),
        "boards": [str(link.board) for link in fresh.board_links.all()],
        "indicators": [(i.indicator.code, i.indicator.name) for i in fresh.indicator_links.all()],
        "strategies": [link.other_strategy.title for link in fresh.strategy_links.all()],
    }


def test_the_links_are_the_models_in_their_order(world: World) -> None:
    action = world.own_action
    linked(action)
    other = ActionFactory(priority=action.priority)
    linked(other)
    module._STATEMENTS.clear()
    for each in (action, other, action):
        found = action_links(each.pk)
        assert vars(found) == from_models(each)
    found = action_links(action.pk)
    assert f"No Acronym Trust {action.pk}" in found.lead
    assert f"Org <3> {action.pk}" in found.supporting
    assert "SG" in found.boards and len(found.indicators) == 3 and len(found.strategies) == 2
    assert len(module._STATEMENTS) == 4, "one statement per list, compiled once"


def test_an_action_without_links_has_none() -> None:
    action = ActionFactory()
    assert vars(action_links(action.pk)) == {
        "lead": [],
        "supporting": [],
        "boards": [],
        "indicators": [],
        "strategies": [],
    }


def test_the_page_draws_them_escaped(world: World) -> None:
    action = world.own_action
    ActionOrganisation.objects.filter(action=action).delete()
    linked(action)
    client = Client()
    client.force_login(world.admin)
    page = client.get(f"/actions/{action.pk}/").content.decode()
    links = from_models(action)
    assert ", ".join(links["lead"]).replace("<", "&lt;").replace(">", "&gt;") in page
    assert f"Org &lt;3&gt; {action.pk}" in page and "Org <3>" not in page
    for code, name in links["indicators"]:
        assert f"<li>{code} {name}</li>" in page
    for title in links["strategies"]:
        assert f"<li>{title}</li>" in page
