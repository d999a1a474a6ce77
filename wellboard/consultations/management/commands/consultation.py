"""`wellboard consultation purge [--today YYYY-MM-DD]`; `themes` and `summary` are the
analysis's (consultations/analysis_commands.py).

`purge` erases the personal data (name, email, equality answers; names and contact details
in comments) of every response past its retention date, keeping the anonymous answers,
and drops the rate limiter's old counters. The worker runs it daily; this runs it now
(for cron, or by hand). Bad input is one line and exit status 2.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import CommandError, CommandParser

from wellboard.base.commands import OneLineErrorCommand
from wellboard.consultations import analysis_commands
from wellboard.consultations.retention import purge


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(
            f"--today {text!r} is not a date: use YYYY-MM-DD", returncode=2
        ) from None


class Command(OneLineErrorCommand):
    help = (
        "Public consultations: purge personal data kept past the retention period; "
        "themes ID [--json]; summary ID --format docx|pdf --out FILE."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "what", choices=["purge", *analysis_commands.SUBCOMMANDS], help="purge, themes, summary"
        )
        parser.add_argument("--today", help="purge: act as if today were YYYY-MM-DD")
        analysis_commands.add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["what"] in analysis_commands.SUBCOMMANDS:
            self.stdout.write(analysis_commands.run(options["what"], options))
            return
        done = purge(today=_day(options["today"]))
        self.stdout.write(
            f"Erased the personal data of {done.responses} response"
            f"{'' if done.responses == 1 else 's'}; removed {done.counters} old rate counters."
        )
