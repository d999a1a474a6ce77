from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from tests.factories import (
    ActionFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PlanFactory,
    PriorityFactory,
    StrategyFactory,
    ThemeFactory,
)
from wellboard.accounts.models import Membership
from wellboard.partnerships.models import Organisation, Partnership
from wellboard.strategy.models import Action, ActionOrganisation, Strategy


def action_in(
    strategy: Strategy, title: str, plan_title: str = "Delivery plan", **kw: Any
) -> Action:
    plan = strategy.plans.filter(title=plan_title).first() or PlanFactory(
        strategy=strategy, title=plan_title, position=strategy.plans.count()
    )
    priority = PriorityFactory(theme=ThemeFactory(plan=plan))
    return ActionFactory(priority=priority, title=title, **kw)


def link(action: Action, organisation: Organisation, *, lead: bool = True) -> None:
    ActionOrganisation.objects.create(action=action, organisation=organisation, is_lead=lead)


@dataclass
class Two:
    """Two partnerships; the first with a published and a draft strategy, the second draft."""

    ours: Partnership
    theirs: Partnership
    published: Strategy
    draft: Strategy
    their_strategy: Strategy

    def client_for(self, role: str, partnership: Partnership | None = None) -> Client:
        membership = MembershipFactory(partnership=partnership or self.ours, role=role)
        client = Client()
        client.force_login(membership.user)
        return client


@pytest.fixture
def two(db: None) -> Two:
    ours, theirs = PartnershipFactory(), PartnershipFactory()
    return Two(
        ours,
        theirs,
        StrategyFactory(partnership=ours, published=True),
        StrategyFactory(partnership=ours, published=False),
        StrategyFactory(partnership=theirs, published=False),
    )


ADMIN = Membership.Role.ADMINISTRATOR
LEAD = Membership.Role.LEAD_OFFICER
BOARD = Membership.Role.BOARD_MEMBER
__all__ = ["ADMIN", "BOARD", "LEAD", "OrganisationFactory", "Two", "action_in", "link"]
