"""A small two-partnership world for the delivery pages: one of each role, and a stranger."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.utils import timezone

from tests.factories import (
    ActionFactory,
    BoardFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    PlanFactory,
    PriorityFactory,
    StrategyFactory,
    ThemeFactory,
    UpdateFactory,
    UserFactory,
)
from wellboard.accounts.models import Membership
from wellboard.strategy.models import Action, ActionBoard, ActionOrganisation, Milestone, Strategy

PASSWORD = "correct-horse-battery-staple"


@dataclass
class World:
    strategy: Strategy
    own_action: Action
    other_action: Action
    admin: User
    lead: User
    board: User
    stranger: User
    foreign_action: Action


def user(username: str) -> User:
    made: Any = UserFactory(username=username, password=make_password(PASSWORD))
    return made


def add_actions(priority: object, count: int, *, lead: object = None) -> list[Action]:
    """`count` actions with an update each, linked to an organisation and a board."""
    today = timezone.localdate()
    partnership = priority.theme.plan.strategy.partnership  # type: ignore[attr-defined]
    org = OrganisationFactory(partnership=partnership)
    board = BoardFactory(partnership=partnership)
    made = []
    for i in range(count):
        action: Any = ActionFactory(
            priority=priority,
            lead_officer=lead,
            due_start=today - dt.timedelta(days=200),
            due_end=today + dt.timedelta(days=20 + i),
            due_text=f"Day {i}",
            role_type="direct" if i % 2 else "advocacy",
        )
        ActionOrganisation.objects.create(action=action, organisation=cast(Any, org))
        ActionBoard.objects.create(action=action, board=cast(Any, board))
        UpdateFactory(action=action, date=today - dt.timedelta(days=5), rag="green")
        Milestone.objects.create(
            action=action, title=f"Milestone {i}", due_end=today + dt.timedelta(days=i + 1)
        )
        made.append(action)
    return made


def build_world() -> World:
    strategy: Any = StrategyFactory(title="Riverside Joint Strategy", published=True)
    partnership = strategy.partnership
    theme = ThemeFactory(plan=PlanFactory(strategy=strategy), title="Start well")
    priority = PriorityFactory(theme=theme, title="Healthy pregnancies")
    person = PersonFactory(partnership=partnership, name="Ada Lead", email="ada@example.org")
    own = add_actions(priority, 1, lead=person)[0]
    other = add_actions(priority, 1)[0]
    foreign_strategy = StrategyFactory(title="Elsewhere strategy", published=False)
    foreign_priority = PriorityFactory(
        theme=ThemeFactory(plan=PlanFactory(strategy=foreign_strategy))
    )
    foreign = add_actions(foreign_priority, 1)[0]
    admin, lead, board, stranger = (user(n) for n in ("admin", "lead", "board", "stranger"))
    MembershipFactory(user=admin, partnership=partnership, role=Membership.Role.ADMINISTRATOR)
    MembershipFactory(
        user=lead, partnership=partnership, role=Membership.Role.LEAD_OFFICER, person=person
    )
    MembershipFactory(user=board, partnership=partnership, role=Membership.Role.BOARD_MEMBER)
    MembershipFactory(
        user=stranger, partnership=foreign_strategy.partnership, role=Membership.Role.ADMINISTRATOR
    )
    return World(strategy, own, other, admin, lead, board, stranger, foreign)


def grow_plan(world: World, total: int, indicator: object = None) -> None:
    """Grow the world's plan to `total` actions led by the world's lead officer, each with
    more history than `add_actions` gives: an older update, one waiting for approval and,
    when given, a link to `indicator`, so that a page reading history per action, or one
    query per row, costs more as the plan grows."""
    from wellboard.strategy.models import ActionIndicator, UpdateReview

    have = Action.objects.in_strategy(world.strategy).count()
    own = world.own_action
    today = timezone.localdate()
    for action in add_actions(own.priority, total - have, lead=own.lead_officer):
        UpdateFactory(action=action, date=today - dt.timedelta(days=40), rag="amber")
        waiting: Any = UpdateFactory(action=action, date=today, rag="red", author_name="Ada")
        UpdateReview.objects.create(update=waiting)
        if indicator is not None:
            ActionIndicator.objects.create(action=action, indicator=cast(Any, indicator))
