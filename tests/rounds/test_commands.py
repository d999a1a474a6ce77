"""`wellboard rounds open` and `rounds tick`, and the worker's periodic pass."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core.management import CommandError, call_command

from tests.rounds.round_world import OPENS, RoundWorld, build_round_world
from tests.smtp import SmtpServer
from wellboard.rounds.email_models import EmailRequest
from wellboard.rounds.models import Round
from wellboard.rounds.schedule import LONDON
from wellboard.rounds.scheduler import tick
from wellboard.tasks.periodic import periodic_jobs
from wellboard.tasks.worker import run_pending

pytestmark = pytest.mark.django_db
EARLY = dt.datetime(2026, 11, 12, 10, 0, tzinfo=LONDON)  # a week before the round would open


@pytest.fixture
def world(settings: Any) -> RoundWorld:
    settings.WELLBOARD_BASE_URL = "http://testserver"
    return build_round_world()


def run(*args: str) -> str:
    out = StringIO()
    call_command("rounds", *args, stdout=out)
    return out.getvalue()


def test_open_sends_the_requests_before_returning_one_line_per_lead(
    world: RoundWorld, mailbox: SmtpServer
) -> None:
    with time_machine.travel(EARLY, tick=False):
        out = run("open", "--board", "Staying Healthy Board", "--meeting", "2026-12-10")
    lines = out.splitlines()
    assert "Emailed Ada Lead <ada@example.org>: 2 actions" in lines
    assert "Emailed Bo Lead <bo@example.org>: 1 action" in lines
    assert any(line.startswith("Not emailed Di Lead <di@refused.invalid>") for line in lines)
    assert "Not emailed Cy Lead: no email address" in lines
    assert sorted(m.recipients[0] for m in mailbox.deliveries) == [
        "ada@example.org",
        "bo@example.org",
    ]
    world.round.refresh_from_db()
    assert world.round.state == Round.State.OPEN and world.round.opens_at == EARLY
    with time_machine.travel(EARLY, tick=False), pytest.raises(CommandError, match="already open"):
        run("open", "--board", "Staying Healthy Board", "--meeting", "2026-12-10")
    # The scheduler, later, does not open or ask again.
    with time_machine.travel(OPENS, tick=False):
        run("tick")
    assert len(mailbox.deliveries) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["open", "--board", "No Such Board", "--meeting", "2026-12-10"], "no board"),
        (["open", "--board", "Staying Healthy Board", "--meeting", "10/12/2026"], "not a date"),
        (["open", "--board", "Staying Healthy Board", "--meeting", "2026-11-01"], "not ahead"),
        (["open", "--meeting", "2026-12-10"], "needs --board"),
        (["tick", "--now", "tomorrow"], "not a time"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    world: RoundWorld, args: list[str], message: str
) -> None:
    with time_machine.travel(EARLY, tick=False), pytest.raises(CommandError) as error:
        run(*args)
    assert message in str(error.value) and error.value.returncode == 2
    assert not EmailRequest.objects.exists()


def test_tick_takes_the_moment_to_act_at(world: RoundWorld, mailbox: SmtpServer) -> None:
    out = run("tick", "--now", "2026-11-19T09:05")
    assert "Opened the round" in out
    assert len(mailbox.deliveries) == 2


def test_the_worker_runs_the_pass_and_sends_through_the_queue(
    world: RoundWorld, mailbox: SmtpServer
) -> None:
    assert "rounds.tick" in {job.name for job in periodic_jobs}
    tick(OPENS, send="queue")
    assert mailbox.deliveries == []  # queued, not sent by the pass itself
    assert set(EmailRequest.objects.values_list("state", flat=True)) == {"queued"}
    run_pending()
    assert sorted(m.recipients[0] for m in mailbox.deliveries) == [
        "ada@example.org",
        "bo@example.org",
    ]
    tick(OPENS + dt.timedelta(minutes=5), send="queue")
    assert run_pending() == 0 and len(mailbox.deliveries) == 2
