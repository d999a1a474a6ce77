"""`wellboard strategy transition ID STATE --body NAME --date YYYY-MM-DD [--minute REF]`;
`wellboard strategy refresh-delivery` recomputes every action's kept delivery (for safety:
the writes keep it current)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from wellboard.core.lifecycle import LABELS, awaiting
from wellboard.strategy.delivery_cache import refresh_delivery
from wellboard.strategy.lifecycle import awaited, transition
from wellboard.strategy.models import Action, Strategy


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"--date {text!r}: give the meeting date as YYYY-MM-DD", returncode=2
        ) from None


class Command(BaseCommand):
    help = "Strategy lifecycle: move a strategy to its next status with the decision recorded."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        move = sub.add_parser("transition", help="move a strategy along its lifecycle")
        move.add_argument("id", help="the strategy's id")
        move.add_argument("state", help=f"one of: {', '.join(LABELS)}")
        move.add_argument(
            "--body", required=True, help="one of the partnership's deciding bodies, by name"
        )
        move.add_argument("--date", required=True, help="the meeting date, YYYY-MM-DD")
        move.add_argument("--minute", default="", help="the minute reference")
        sub.add_parser(
            "refresh-delivery", help="recompute every action's current status from its updates"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "refresh-delivery":
            with transaction.atomic():
                count = refresh_delivery(Action.objects.all())
            self.stdout.write(f"current delivery recomputed for {count} actions")
            return
        strategy_id = str(options["id"])
        meeting = _date(options["date"])
        if not strategy_id.isdigit() or not Strategy.objects.filter(pk=strategy_id).exists():
            raise CommandError(f"no strategy with id {strategy_id}", returncode=2)
        try:
            record = transition(
                int(strategy_id),
                options["state"],
                body=options["body"],
                meeting_date=meeting,
                minute=options["minute"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages), returncode=2) from None
        if not record.to_status:
            step, waiting = next(iter(awaited(record.strategy).items()))
            self.stdout.write(
                f"{record.strategy.title}: {record} recorded; still "
                f"{LABELS[record.from_status].lower()}, {awaiting(step, waiting)}"
            )
            return
        self.stdout.write(
            f"{record.strategy.title}: {LABELS[record.from_status].lower()} -> "
            f"{LABELS[record.to_status].lower()} ({record})"
        )
