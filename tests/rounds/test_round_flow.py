"""A whole update round against a real SMTP server on 127.0.0.1, with the clock frozen."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from tests.rounds.mailbox import text_of, to
from tests.rounds.round_world import (
    AFTER_CLOSE,
    FIRST_REMINDER,
    OPENS,
    RoundWorld,
    build_round_world,
    link_in,
)
from tests.smtp import SmtpServer
from wellboard.rounds.delivery import deliver
from wellboard.rounds.email_models import EmailRequest
from wellboard.rounds.models import Round
from wellboard.rounds.schedule import LONDON
from wellboard.rounds.services import change_timing, nudge, open_round, revoke
from wellboard.rounds.status import round_status
from wellboard.strategy.models import ProgressUpdate
from wellboard.tasks.models import BackgroundTask
from wellboard.tasks.worker import run_pending

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings: Any) -> RoundWorld:
    settings.WELLBOARD_BASE_URL = "http://testserver"
    return build_round_world()


def tick(at: dt.datetime) -> str:
    from io import StringIO

    out = StringIO()
    with time_machine.travel(at, tick=False):
        call_command("rounds", "tick", stdout=out)
    return out.getvalue()


def path(link: str) -> str:
    return urlsplit(link).path


def answer(client: Client, link: str, action_pk: int, text: str) -> Any:
    return client.post(
        path(link),
        {
            "action": action_pk,
            f"a{action_pk}-rag": "green",
            f"a{action_pk}-text": text,
            f"a{action_pk}-percent_complete": "",
            f"a{action_pk}-override_reason": "Going well.",
        },
    )


def test_a_whole_round(world: RoundWorld, mailbox: SmtpServer) -> None:
    assert tick(OPENS - dt.timedelta(hours=1)) == ""  # not open yet: nothing sent
    assert mailbox.deliveries == []

    out = tick(OPENS)
    # One email each to the leads with a working address; Cy has none, Di's is refused.
    assert to(mailbox.deliveries) == ["ada@example.org", "bo@example.org"]
    assert "Opened the round" in out and "Address refused" in out
    ada_mail = next(m for m in mailbox.deliveries if m.recipients == ["ada@example.org"])
    assert ada_mail.message["Subject"].startswith("Updates needed for the Staying Healthy Board")
    assert ada_mail.message.get_body(preferencelist=("html",)) is not None
    text = text_of(ada_mail)
    assert all(a.title in text for a in world.ada_actions)
    assert world.ada_elsewhere.title not in text  # another board's action
    assert world.bo_action.title not in text
    ada_link = link_in(text)
    bo_mail = next(m for m in mailbox.deliveries if m.recipients == ["bo@example.org"])
    bo_link = link_in(text_of(bo_mail))
    assert ada_link != bo_link

    # A second tick at the same moment, or a little later, sends nothing twice.
    tick(OPENS)
    tick(OPENS + dt.timedelta(hours=3))
    assert len(mailbox.deliveries) == 2

    client = Client()
    with time_machine.travel(OPENS + dt.timedelta(days=1), tick=False):
        page = client.get(path(ada_link))
        assert page.status_code == 200
        body = page.content.decode()
        assert all(a.title in body for a in world.ada_actions)
        assert world.bo_action.title not in body and world.ada_elsewhere.title not in body
        for action in world.ada_actions:
            response = answer(client, ada_link, action.pk, f"Done for {action.ref}.")
            assert response.status_code == 302, response.content.decode()[:2000]
        # An action that is not hers is ignored, not updated.
        answer(client, ada_link, world.bo_action.pk, "Not mine to say.")
    updates = ProgressUpdate.objects.filter(text__startswith="Done for")
    assert sorted(u.action_id for u in updates) == sorted(a.pk for a in world.ada_actions)
    assert {u.author_name for u in updates} == {"Ada Lead"}
    assert not ProgressUpdate.objects.filter(action=world.bo_action).exists()

    # The first reminder goes to Bo only; Ada answered. The officer gets the digest.
    tick(FIRST_REMINDER)
    new = mailbox.deliveries[2:]
    assert to(new) == ["bo@example.org", "officer@example.org"]
    digest = text_of(next(m for m in new if m.recipients == ["officer@example.org"]))
    assert "Answered (1):\n- Ada Lead" in digest
    assert "Still waiting (1), reminded today:\n- Bo Lead" in digest
    assert "Cy Lead" in digest and "Di Lead" in digest  # not reached by email
    tick(FIRST_REMINDER + dt.timedelta(minutes=10))
    assert len(mailbox.deliveries) == 4

    # Links refused with a clear page: tampered, revoked, then expired at the close.
    with time_machine.travel(FIRST_REMINDER, tick=False):
        tampered = client.get(path(ada_link).replace("/respond/", "/respond/x"))
        assert tampered.status_code == 400
        assert b"not complete or has been changed" in tampered.content
        revoke(world.round.leads.get(person=world.bo), FIRST_REMINDER)
        revoked = client.get(path(bo_link))
        assert revoked.status_code == 410 and b"withdrawn" in revoked.content
        assert client.get(path(ada_link)).status_code == 200

    out = tick(AFTER_CLOSE)
    assert "Closed the round" in out
    closed = [
        m for m in mailbox.deliveries if m.message["Subject"].startswith("Update round closed")
    ]
    assert to(closed) == ["officer@example.org"]
    assert "1 of 4 lead officers answered" in text_of(closed[0])
    assert world.bo_action.title in text_of(closed[0])
    tick(AFTER_CLOSE + dt.timedelta(hours=1))
    subjects = [m.message["Subject"] for m in mailbox.deliveries]
    assert subjects.count(closed[0].message["Subject"]) == 1
    with time_machine.travel(AFTER_CLOSE, tick=False):
        expired = client.get(path(ada_link))
    assert expired.status_code == 410 and b"has closed" in expired.content
    world.round.refresh_from_db()
    assert world.round.state == Round.State.CLOSED
    assert world.round.report_task is not None  # the board's delivery report is queued
    assert run_pending() == 1
    report = BackgroundTask.objects.get(pk=world.round.report_task.pk)
    assert report.has_file and report.file_name.endswith(".docx")
    assert report.created_by == world.officer

    officer = Client()
    officer.force_login(world.officer)
    page = officer.get(world.round.get_absolute_url()).content.decode()
    assert "Cy Lead: No email address" in page
    assert "Di Lead: Email address refused" in page
    assert f'href="/tasks/{report.pk}/"' in page
    without_update = page.split('id="without-update"')[1].split("</ul>")[0]
    assert world.bo_action.title in without_update
    assert world.ada_actions[0].title not in without_update


def test_a_failing_send_is_retried_then_shown_to_the_officer(
    world: RoundWorld, closed_port: int
) -> None:
    tick(OPENS)
    requests = EmailRequest.objects.filter(kind=EmailRequest.Kind.REQUEST)
    assert {r.state for r in requests} == {"pending"}
    assert {r.attempts for r in requests} == {1}
    tick(OPENS + dt.timedelta(minutes=1))  # before the retry is due: not tried again
    assert {r.attempts for r in requests.all()} == {1}
    tick(OPENS + dt.timedelta(minutes=6))
    assert {r.attempts for r in requests.all()} == {2}
    tick(OPENS + dt.timedelta(minutes=40))
    assert {(r.state, r.attempts) for r in requests.all()} == {("failed", 3)}
    tick(OPENS + dt.timedelta(hours=5))
    assert {r.attempts for r in requests.all()} == {3}  # given up: never sent twice

    officer = Client()
    officer.force_login(world.officer)
    with time_machine.travel(OPENS + dt.timedelta(hours=5), tick=False):
        page = officer.get(world.round.get_absolute_url()).content.decode()
    failed = page.split('id="failed-emails"')[1].split("</div>")[0]
    assert "ada@example.org" in failed and "bo@example.org" in failed
    assert "could not be sent after 3 attempts" in failed


def test_the_officers_nudge_sends_one_email_per_click(
    world: RoundWorld, mailbox: SmtpServer
) -> None:
    tick(OPENS)
    officer = Client(enforce_csrf_checks=False)
    officer.force_login(world.officer)
    bo = world.round.leads.get(person=world.bo)
    at = dt.datetime(2026, 11, 22, 14, 0, tzinfo=LONDON)
    with time_machine.travel(at, tick=False):
        first = officer.post(f"/rounds/asks/{bo.pk}/nudge/")
        officer.post(f"/rounds/asks/{bo.pk}/nudge/")  # a double click
    assert first.status_code == 302
    tick(at)
    nudges = [m for m in mailbox.deliveries if m.message["Subject"].startswith("Reminder")]
    assert to(nudges) == ["bo@example.org"]
    assert world.bo_action.title in text_of(nudges[0])


def test_the_officers_reminder_days_are_used(world: RoundWorld, mailbox: SmtpServer) -> None:
    change_timing(world.round, open_days=21, reminder_days=[3])
    tick(OPENS)
    tick(FIRST_REMINDER)  # 7 days before the deadline: no longer a reminder day
    assert len(mailbox.deliveries) == 2
    tick(dt.datetime(2026, 11, 30, 9, 5, tzinfo=LONDON))  # 3 days before
    reminded = ["ada@example.org", "bo@example.org", "officer@example.org"]
    assert to(mailbox.deliveries[2:]) == reminded


def test_a_corrected_address_is_nudged_and_the_bounce_no_longer_listed(
    world: RoundWorld, mailbox: SmtpServer
) -> None:
    tick(OPENS)
    di = world.round.leads.get(person=world.di)
    assert di.emails.get().state == "refused"
    world.di.email = "di@example.org"
    world.di.save()
    at = OPENS + dt.timedelta(hours=2)
    with time_machine.travel(at, tick=False):
        assert nudge(di, at) is not None
    tick(at)
    assert to(mailbox.deliveries[2:]) == ["di@example.org"]
    with time_machine.travel(at, tick=False):
        status = round_status(world.round, at)
    assert [row.lead.person.name for row in status.not_reached] == ["Cy Lead"]


def test_a_request_is_sent_once_however_often_it_is_delivered(
    world: RoundWorld, mailbox: SmtpServer
) -> None:
    with time_machine.travel(OPENS, tick=False):
        open_round(world.round, OPENS)
    request = EmailRequest.objects.get(lead__person=world.ada)
    assert deliver(request.pk, OPENS) == "sent"
    assert deliver(request.pk, OPENS) == "sent"
    assert to(mailbox.deliveries) == ["ada@example.org"]


def test_a_send_cut_off_midway_is_shown_as_failed_never_resent(
    world: RoundWorld, mailbox: SmtpServer
) -> None:
    with time_machine.travel(OPENS, tick=False):
        open_round(world.round, OPENS)
    # A worker claimed it and died: the message may or may not have gone.
    EmailRequest.objects.filter(lead__person=world.ada).update(state="sending", updated_at=OPENS)
    tick(OPENS + dt.timedelta(minutes=30))
    assert EmailRequest.objects.get(lead__person=world.ada).state == "sending"
    tick(OPENS + dt.timedelta(hours=2))
    stuck = EmailRequest.objects.get(lead__person=world.ada)
    assert stuck.state == "failed" and "part-way" in stuck.last_error
    assert "ada@example.org" not in to(mailbox.deliveries)


def test_a_round_opened_late_does_not_remind_straight_after_asking(
    world: RoundWorld, mailbox: SmtpServer
) -> None:
    late = FIRST_REMINDER + dt.timedelta(hours=1)  # the worker was down until after 9:00
    tick(late)
    assert [m.message["Subject"].split(" ")[0] for m in mailbox.deliveries] == ["Updates"] * 2
    assert [r.days_before for r in Round.objects.get().times.reminders] == [2]
