"""The demo partnership: a realistic strategy and four users to explore it with."""

from __future__ import annotations

import json
import os
import secrets
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from django.contrib.auth.models import User
from django.db import transaction

from wellboard.accounts.models import Membership
from wellboard.demo.approvals import add_awaiting_approval
from wellboard.demo.calendar import add_calendar
from wellboard.demo.comments import add_comments
from wellboard.demo.consultation import add_consultations
from wellboard.demo.consultation_events import add_consultation_events
from wellboard.demo.consultation_responses import add_open_responses
from wellboard.demo.duplicates import add_duplicate_pair
from wellboard.demo.groups import add_working_groups
from wellboard.demo.indicator_series import add_indicator_series
from wellboard.demo.indicator_values import add_indicator_values
from wellboard.demo.lifecycle import add_lifecycle
from wellboard.demo.meeting_report import add_meeting_report
from wellboard.demo.milestones import add_milestones
from wellboard.demo.plan_changes import add_proposed_change
from wellboard.demo.practice import add_good_practice
from wellboard.demo.rounds import add_rounds
from wellboard.demo.theme_task import queue_model_themes
from wellboard.demo.versions import add_versions
from wellboard.exchange.load import load_strategy
from wellboard.strategy.delivery_cache import deferred_refresh
from wellboard.strategy.models import Action, Strategy

DEMO_FILE = "demo_plan.json"
PASSWORD_VARIABLE = "WELLBOARD_DEMO_PASSWORD"  # noqa: S105 - a variable name


@dataclass(frozen=True)
class DemoResult:
    strategy: Strategy
    password: str
    password_generated: bool
    created: bool


def demo_document() -> dict[str, object]:
    text = resources.files("wellboard.demo").joinpath(DEMO_FILE).read_text(encoding="utf-8")
    document: dict[str, object] = json.loads(text)
    return document


def demo_strategy() -> Strategy | None:
    document = demo_document()
    return Strategy.objects.filter(title=document["title"]).first()


def _password() -> tuple[str, bool]:
    given = os.environ.get(PASSWORD_VARIABLE, "")
    return (given, False) if given else (secrets.token_urlsafe(12), True)


def _busiest_leads(strategy: Strategy) -> list[int]:
    """The two people leading the most actions become the demo's lead officers."""
    counts = Counter(
        Action.objects.in_strategy(strategy)
        .filter(lead_officer__isnull=False)
        .values_list("lead_officer_id", flat=True)
    )
    return [person_id for person_id, _ in counts.most_common(2)]


def _set_user(username: str, password: str, *, staff: bool) -> User:
    user, _ = User.objects.get_or_create(username=username)
    user.is_staff = staff
    user.set_password(password)
    user.save()
    return user


@transaction.atomic
@deferred_refresh()  # every update and edit below refreshes once, at the end
def load_demo() -> DemoResult:
    """Load the demo strategy once, and (re)set the demo users' passwords every time."""
    strategy = demo_strategy()
    created = strategy is None
    if strategy is None:
        strategy = load_strategy(demo_document())
    password, generated = _password()
    partnership = strategy.partnership
    add_calendar(partnership)
    add_working_groups(partnership)
    add_indicator_series(partnership)
    add_indicator_values(partnership)  # every other indicator, against England
    add_lifecycle(strategy)
    add_versions(strategy)
    add_consultations(strategy)  # a past one with 240 responses and themes, an open one
    add_consultation_events(strategy)  # drop-ins for the open one, meetings of the past one
    add_milestones(strategy)  # the next steps, dated from today
    add_duplicate_pair(strategy)  # the sub-plan repeats action 4.6
    add_good_practice(strategy)  # the practice library, linked to actions and priorities
    leads = _busiest_leads(strategy)
    cast = [
        ("admin", Membership.Role.ADMINISTRATOR, None, False),  # the app, not /admin/
        ("lead1", Membership.Role.LEAD_OFFICER, leads[0] if leads else None, False),
        ("lead2", Membership.Role.LEAD_OFFICER, leads[1] if len(leads) > 1 else None, False),
        ("board1", Membership.Role.BOARD_MEMBER, None, False),
    ]
    for username, role, person_id, staff in cast:
        user = _set_user(username, password, staff=staff)
        Membership.objects.update_or_create(
            user=user, partnership=partnership, defaults={"role": role, "person_id": person_id}
        )
    add_rounds(partnership)  # after the users: the administrator runs the rounds
    add_proposed_change(strategy)  # lead1's due-date change waiting for approval
    add_awaiting_approval(strategy)  # lead2's held update and proposed change
    add_comments(strategy)  # a board member's question on an action
    add_open_responses(strategy)  # the open consultation's first six, one to moderate
    add_meeting_report(strategy)  # the last past meeting's report, kept by the administrator
    queue_model_themes(strategy)  # the sentence model's themes, by the worker
    return DemoResult(strategy, password, generated, created)
