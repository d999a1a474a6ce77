"""The signed-in home page: each person's own work, and nothing of other partnerships."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.delivery_world import World
from tests.factories import UpdateFactory, UserFactory
from wellboard.partnerships.meetings import BoardMeeting
from wellboard.strategy.models import Action, ActionComment, Strategy, UpdateReview

pytestmark = pytest.mark.django_db


def page(user: User) -> str:
    client = Client()
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def overdue(action: Action, days: int = 10) -> Action:
    Action.objects.filter(pk=action.pk).update(
        due_end=timezone.localdate() - dt.timedelta(days=days)
    )
    return action


def test_a_lead_sees_their_overdue_action_first(world: World) -> None:
    overdue(world.own_action)
    html = page(world.lead)
    assert "Your dashboard" in html
    needing = html[html.index("Your actions needing an update") : html.index("Overdue work")]
    assert "Overdue (1)" in needing
    assert world.own_action.title in needing
    assert world.other_action.title not in needing, "only the actions the lead leads"
    assert "Updates awaiting your approval" not in html


def test_a_lead_with_nothing_pressing_is_told_so(world: World) -> None:
    html = page(world.lead)
    # The lead's action is due within 30 days in the world, so it is listed as such.
    assert "Due within 30 days (1)" in html
    Action.objects.filter(pk=world.own_action.pk).update(
        due_end=timezone.localdate() + dt.timedelta(days=200)
    )
    assert "None of the actions you lead needs an update now." in page(world.lead)


def test_overdue_work_lists_the_partnerships_overdue_actions(world: World) -> None:
    overdue(world.other_action)
    overdue(world.foreign_action)
    html = page(world.board)
    section = html[html.index("Overdue work") :]
    assert "Overdue work (1)" in html
    assert world.other_action.title in section
    assert world.foreign_action.title not in html, "another partnership's work stays hidden"
    assert "Your actions needing an update" not in html, "board members lead nothing"


def test_the_administrator_sees_updates_awaiting_approval(world: World) -> None:
    waiting = UpdateFactory(action=world.own_action, text="Clinics opened", author_name="Ada")
    UpdateReview.objects.create(update=waiting)
    UpdateReview.objects.create(update=UpdateFactory(action=world.foreign_action))
    html = page(world.admin)
    assert "Updates awaiting your approval (1)" in html
    assert world.own_action.title in html
    assert reverse("approvals:queue") in html


def test_decided_updates_no_longer_wait(world: World) -> None:
    review = UpdateReview.objects.create(update=UpdateFactory(action=world.own_action))
    review.decision = UpdateReview.Decision.APPROVED
    review.save()
    assert "Nothing is waiting for your approval." in page(world.admin)


def test_strategies_link_to_their_pages_reports_and_public_page(world: World) -> None:
    html = page(world.board)
    for name in ("strategy:overview", "reports:index", "strategy:public"):
        assert reverse(name, args=[world.strategy.pk]) in html, name
    Strategy.objects.filter(pk=world.strategy.pk).update(published=False)
    assert reverse("strategy:public", args=[world.strategy.pk]) not in page(world.board)


def test_visitors_see_published_strategies_with_their_public_pages(
    client: Client, world: World
) -> None:
    html = client.get("/").content.decode()
    assert world.strategy.title in html
    assert reverse("strategy:public", args=[world.strategy.pk]) in html
    assert "Elsewhere strategy" not in html, "unpublished strategies stay hidden"
    assert "Your dashboard" not in html


def test_a_user_of_no_partnership_sees_the_public_page_and_a_note(world: World) -> None:
    html = page(UserFactory(username="newcomer"))
    assert "not a member of any partnership" in html
    assert world.strategy.title in html


def test_the_next_board_meetings_and_their_papers_deadlines(world: World) -> None:
    today = timezone.localdate()
    partnership = world.strategy.partnership
    BoardMeeting.objects.create(partnership=partnership, date=today - dt.timedelta(days=3))
    BoardMeeting.objects.create(
        partnership=partnership,
        date=today + dt.timedelta(days=20),
        papers_deadline=today + dt.timedelta(days=9),
    )
    BoardMeeting.objects.create(partnership=partnership, date=today + dt.timedelta(days=60))
    elsewhere = Strategy.objects.get(title="Elsewhere strategy").partnership
    BoardMeeting.objects.create(partnership=elsewhere, date=today + dt.timedelta(days=1))
    html = page(world.board)
    section = html[html.index("Next board meetings") :]
    assert (today + dt.timedelta(days=20)).strftime("%-d %B %Y") in section
    assert "Papers due " + (today + dt.timedelta(days=9)).strftime("%-d %B %Y") in section
    assert (today + dt.timedelta(days=60)).strftime("%-d %B %Y") not in section, "the next only"
    assert (today - dt.timedelta(days=3)).strftime("%-d %B %Y") not in section
    assert (today + dt.timedelta(days=1)).strftime("%-d %B %Y") not in section
    assert reverse("partnerships:boards", args=[partnership.pk]) in section


def test_no_meeting_in_the_calendar_is_said(world: World) -> None:
    assert "No meeting is in the calendar yet." in page(world.lead)


def test_proposed_changes_are_counted_for_the_administrator(world: World) -> None:
    ActionComment.objects.create(
        action=world.other_action, author=world.lead, kind="proposal", text="Split it in two"
    )
    html = page(world.admin)
    assert "1 proposed change to actions waits for your decision too." in html
    assert reverse("approvals:queue") in html
    assert "proposed change" not in page(world.lead)
