"""A partnership with a governance board, its lead officers and an update round."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User

from tests.factories import (
    ActionFactory,
    BoardFactory,
    BoardMeetingFactory,
    MembershipFactory,
    PersonFactory,
    PlanFactory,
    PriorityFactory,
    StrategyFactory,
    ThemeFactory,
    UserFactory,
)
from tests.rounds.mailbox import REFUSED_DOMAIN
from wellboard.accounts.models import Membership
from wellboard.partnerships.models import GovernanceBoard, Partnership, Person
from wellboard.rounds.models import Round
from wellboard.rounds.schedule import LONDON
from wellboard.rounds.services import plan_for_meeting
from wellboard.strategy.models import Action, ActionBoard

MEETING = dt.date(2026, 12, 10)
OPENS = dt.datetime(2026, 11, 19, 9, 5, tzinfo=LONDON)
FIRST_REMINDER = dt.datetime(2026, 11, 26, 9, 5, tzinfo=LONDON)
SECOND_REMINDER = dt.datetime(2026, 12, 1, 9, 5, tzinfo=LONDON)
AFTER_CLOSE = dt.datetime(2026, 12, 4, 0, 5, tzinfo=LONDON)
PASSWORD = "round-test-password"
LINK = re.compile(r"https?://\S+/rounds/respond/\S+/")


@dataclass
class RoundWorld:
    partnership: Partnership
    board: GovernanceBoard
    round: Round
    officer: User
    ada: Person  # two actions on the board, answers through the link
    bo: Person  # one action on the board, never answers
    cy: Person  # no email address
    di: Person  # an address the SMTP server refuses
    ada_actions: list[Action]
    ada_elsewhere: Action  # Ada's action that another board oversees
    bo_action: Action


def _on_board(action: Any, board: GovernanceBoard) -> Action:
    ActionBoard.objects.create(action=action, board=board)
    return action


def build_round_world(base_url: str = "http://testserver") -> RoundWorld:
    strategy: Any = StrategyFactory(title="Riverside Joint Strategy")
    partnership = strategy.partnership
    board: Any = BoardFactory(partnership=partnership, name="Staying Healthy Board")
    other_board: Any = BoardFactory(partnership=partnership, name="Children's Board")
    priority: Any = PriorityFactory(theme=ThemeFactory(plan=PlanFactory(strategy=strategy)))
    people = {
        name: PersonFactory(partnership=partnership, name=name, email=address)
        for name, address in [
            ("Ada Lead", "ada@example.org"),
            ("Bo Lead", "bo@example.org"),
            ("Cy Lead", ""),
            ("Di Lead", f"di@{REFUSED_DOMAIN}"),
        ]
    }

    def action(ref: str, title: str, lead: str, on: GovernanceBoard) -> Action:
        made = ActionFactory(priority=priority, ref=ref, title=title, lead_officer=people[lead])
        return _on_board(made, on)

    ada_actions = [
        action("1.1", "Open two weekend smoking cessation clinics", "Ada Lead", board),
        action("1.2", "Train pharmacists in brief advice", "Ada Lead", board),
    ]
    elsewhere = action("2.1", "School nurse drop-ins", "Ada Lead", other_board)
    bo_action = action("1.3", "Publish the healthy weight pathway", "Bo Lead", board)
    action("1.4", "Map community food growing", "Cy Lead", board)
    action("1.5", "Recruit walking group leaders", "Di Lead", board)
    officer: Any = UserFactory(username="officer", email="officer@example.org")
    officer.set_password(PASSWORD)
    officer.save()
    MembershipFactory(user=officer, partnership=partnership, role=Membership.Role.ADMINISTRATOR)
    meeting = BoardMeetingFactory(partnership=partnership, board=board, date=MEETING)
    round = plan_for_meeting(meeting)
    return RoundWorld(
        partnership=partnership,
        board=board,
        round=round,
        officer=officer,
        ada=people["Ada Lead"],
        bo=people["Bo Lead"],
        cy=people["Cy Lead"],
        di=people["Di Lead"],
        ada_actions=ada_actions,
        ada_elsewhere=elsewhere,
        bo_action=bo_action,
    )


def link_in(text: str) -> str:
    found = LINK.search(text)
    assert found, text
    return found.group(0)
