"""`wellboard rounds tick [--now YYYY-MM-DDTHH:MM]` and
`wellboard rounds open --board NAME --meeting YYYY-MM-DD [--partnership ID]`.

`tick` runs the scheduler pass once and sends what is due, here and now (for cron, or
to catch up by hand); `open` opens a meeting's round at once and sends its requests
before returning, one line per lead officer. Bad input is one line and exit status 2.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils import timezone

from wellboard.base.commands import OneLineErrorCommand
from wellboard.partnerships.models import BoardMeeting
from wellboard.rounds import delivery, services
from wellboard.rounds.email_models import EmailRequest
from wellboard.rounds.lookup import BoardNotFound, find_board
from wellboard.rounds.schedule import LONDON, ScheduleError, parse_reminder_days
from wellboard.rounds.scheduler import tick


def _now(text: str | None) -> datetime:
    if not text:
        return timezone.now()
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(
            f"--now {text!r} is not a time: use YYYY-MM-DDTHH:MM", returncode=2
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=LONDON)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(
            f"--meeting {text!r} is not a date: use YYYY-MM-DD", returncode=2
        ) from None


class Command(OneLineErrorCommand):
    help = "Update rounds: run the scheduler pass, or open a meeting's round now."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("what", choices=["tick", "open"], help="tick or open")
        parser.add_argument("--now", help="tick: act as if it were YYYY-MM-DDTHH:MM")
        parser.add_argument("--board", help="open: the board's name, or the partnership's")
        parser.add_argument("--meeting", help="open: the meeting's date, YYYY-MM-DD")
        parser.add_argument("--partnership", type=int, help="open: the partnership's id")
        parser.add_argument(
            "--reminders", help="open: days before the papers deadline to remind, e.g. 7,2"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["what"] == "tick":
                self._tick(_now(options["now"]))
            else:
                self._open(options)
        except (ScheduleError, BoardNotFound) as error:
            raise CommandError(str(error), returncode=2) from None

    def _tick(self, now: datetime) -> None:
        result = tick(now, send="now")
        for round in result.opened:
            self.stdout.write(f"Opened the round for {round}")
        for round in result.closed:
            self.stdout.write(f"Closed the round for {round}")
        for email in result.sent:
            self.stdout.write(
                f"{email.get_kind_display()} to {email.to}: {email.get_state_display()}"
            )

    def _open(self, options: dict[str, Any]) -> None:
        if not options["board"] or not options["meeting"]:
            raise CommandError("open needs --board NAME and --meeting YYYY-MM-DD", returncode=2)
        meeting = _day(options["meeting"])
        partnership, board = find_board(options["board"], options["partnership"])
        now = timezone.now()
        if meeting <= timezone.localdate(now):
            raise CommandError(f"the meeting on {meeting} is not ahead", returncode=2)
        board_meeting = BoardMeeting.objects.filter(
            partnership=partnership, board=board, date=meeting
        ).first() or BoardMeeting.objects.create(partnership=partnership, board=board, date=meeting)
        round = services.plan_for_meeting(board_meeting)
        if options["reminders"] is not None and round.state == round.State.SCHEDULED:
            round.reminder_days = parse_reminder_days(options["reminders"])
            round.save(update_fields=["reminder_days", "updated_at"])
        if not services.open_round(round, now):
            raise CommandError(f"the round for {round} is already {round.state}", returncode=2)
        requests = round.emails.filter(kind=EmailRequest.Kind.REQUEST).values_list("pk", flat=True)
        for email in delivery.send_due_now(now, requests):
            name = email.lead.person.name if email.lead else email.to
            count = email.lead.actions.count() if email.lead else 0
            if email.state == EmailRequest.State.SENT:
                plural = "s" if count != 1 else ""
                self.stdout.write(f"Emailed {name} <{email.to}>: {count} action{plural}")
            elif email.state == EmailRequest.State.PENDING:
                self.stdout.write(
                    f"Not emailed yet {name} <{email.to}>: {email.last_error} "
                    "(tried again by the worker, or the next `rounds tick`)"
                )
            else:
                self.stdout.write(f"Not emailed {name} <{email.to}>: {email.last_error}")
        for lead in round.leads.filter(email=""):
            self.stdout.write(f"Not emailed {lead.person.name}: no email address")
