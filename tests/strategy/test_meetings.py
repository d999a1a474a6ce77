"""The last board meeting, and "my actions" ordered by what needs attention first."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.delivery_world import World, add_actions
from tests.factories import ActionFactory, BoardFactory, UpdateFactory
from wellboard.partnerships.models import GovernanceBoard
from wellboard.reports.models import ReportSnapshot
from wellboard.strategy.meetings import last_meetings, strategy_id
from wellboard.strategy.models import Action, ActionBoard, Strategy

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def days_ago(n: int) -> dt.date:
    return TODAY() - dt.timedelta(days=n)


def record_meeting(
    strategy: Strategy, on: dt.date, board: GovernanceBoard | None = None
) -> ReportSnapshot:
    return ReportSnapshot.objects.create(
        strategy=strategy,
        kind=ReportSnapshot.Kind.DELIVERY,
        format=ReportSnapshot.Format.PDF,
        content=b"%PDF",
        filename="report.pdf",
        content_type="application/pdf",
        as_of=on,
        meeting_date=on,
        board=board,
    )


def lead_action(world: World, title: str, *, due_in: int, updated_ago: int | None) -> Action:
    action: Any = ActionFactory(
        priority=world.own_action.priority,
        lead_officer=world.own_action.lead_officer,
        title=title,
        due_end=TODAY() + dt.timedelta(days=due_in),
    )
    if updated_ago is not None:
        UpdateFactory(action=action, date=days_ago(updated_ago), rag="green")
    return action


@pytest.fixture
def attention_world(world: World) -> World:
    """The lead's actions, one for each kind of attention, besides the world's own."""
    lead_action(world, "Past its date", due_in=-3, updated_ago=2)
    lead_action(world, "Silent for months", due_in=200, updated_ago=120)
    lead_action(world, "Updated before the meeting", due_in=210, updated_ago=20)
    lead_action(world, "Updated after the meeting", due_in=220, updated_ago=5)
    return world


def page(client: Client) -> list[tuple[str, list[str]]]:
    """(group heading, action titles in order) as /my/actions/ shows them."""
    html = client.get("/my/actions/").content.decode()
    groups = []
    for part in re.split(r"<h2>", html)[1:]:
        heading = re.sub(r" \(\d+\)$", "", part.split("</h2>")[0])
        titles = re.findall(r'<a href="/actions/\d+/">(?:\S+ )?([^<]+)</a>', part)
        groups.append((heading, [t.strip() for t in titles]))
    return groups


def test_without_a_meeting_silence_means_90_days(client: Client, attention_world: World) -> None:
    client.force_login(attention_world.lead)
    assert page(client) == [
        ("Overdue", ["Past its date"]),
        ("Due within 30 days", [attention_world.own_action.title]),
        ("No update for 90 days", ["Silent for months"]),
        ("On the books", ["Updated before the meeting", "Updated after the meeting"]),
    ]


def test_with_a_meeting_silence_means_no_update_since_it(
    client: Client, attention_world: World
) -> None:
    meeting = days_ago(10)
    record_meeting(attention_world.strategy, meeting)
    client.force_login(attention_world.lead)
    silent = f"No update since the last board meeting ({meeting.strftime('%-d %B %Y')})"
    assert page(client) == [
        ("Overdue", ["Past its date"]),
        ("Due within 30 days", [attention_world.own_action.title]),
        (silent, ["Silent for months", "Updated before the meeting"]),
        ("On the books", ["Updated after the meeting"]),
    ]


def test_an_update_on_the_meeting_day_is_not_since_it(
    client: Client, attention_world: World
) -> None:
    record_meeting(attention_world.strategy, days_ago(5))
    client.force_login(attention_world.lead)
    groups = dict(page(client))
    assert "Updated after the meeting" in groups[next(h for h in groups if "since" in h)]


def test_future_and_unrelated_meetings_do_not_count(client: Client, attention_world: World) -> None:
    strategy = attention_world.strategy
    record_meeting(strategy, TODAY() + dt.timedelta(days=3))
    unrelated: Any = BoardFactory(partnership=strategy.partnership)
    record_meeting(strategy, days_ago(1), board=unrelated)
    client.force_login(attention_world.lead)
    headings = [heading for heading, _ in page(client)]
    assert "No update for 90 days" in headings
    assert not any("board meeting" in h for h in headings)


def test_a_board_the_action_reports_to_counts(client: Client, attention_world: World) -> None:
    action = Action.objects.get(title="Updated before the meeting")
    board: Any = BoardFactory(partnership=attention_world.strategy.partnership)
    ActionBoard.objects.create(action=action, board=board)
    record_meeting(attention_world.strategy, days_ago(40))
    record_meeting(attention_world.strategy, days_ago(10), board=board)
    client.force_login(attention_world.lead)
    groups = dict(page(client))
    assert groups[f"No update since the last board meeting ({days_ago(10):%-d %B %Y})"] == [
        "Updated before the meeting"
    ]
    assert groups[f"No update since the last board meeting ({days_ago(40):%-d %B %Y})"] == [
        "Silent for months"
    ]


def test_last_meetings_takes_the_latest_per_board_in_one_query(world: World) -> None:
    strategy = world.strategy
    board: Any = BoardFactory(partnership=strategy.partnership)
    for ago in (90, 30, 60):
        record_meeting(strategy, days_ago(ago))
    record_meeting(strategy, days_ago(7), board=board)
    record_meeting(strategy, TODAY() + dt.timedelta(days=1))
    foreign = world.foreign_action.priority.theme.plan.strategy
    record_meeting(foreign, days_ago(2))
    with CaptureQueriesContext(connection) as captured:
        meetings = last_meetings([strategy.pk], TODAY())
    assert len(captured) == 1
    assert meetings.by_board == {
        (strategy.pk, None): days_ago(30),
        (strategy.pk, board.pk): days_ago(7),
    }
    action = Action.objects.prefetch_related("board_links").get(pk=world.own_action.pk)
    assert meetings.for_action(action, strategy_id(action)) == days_ago(30)


def test_my_actions_queries_stay_bounded_with_meetings(
    client: Client, world: World, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    record_meeting(world.strategy, days_ago(3))
    lead = world.own_action.lead_officer
    add_actions(world.own_action.priority, 10, lead=lead)
    client.force_login(world.lead)
    with CaptureQueriesContext(connection) as small:
        client.get("/my/actions/")
    add_actions(world.own_action.priority, 30, lead=lead)
    with django_assert_max_num_queries(len(small)):
        html = client.get("/my/actions/").content.decode()
    assert html.count('<a href="/actions/') >= 41
