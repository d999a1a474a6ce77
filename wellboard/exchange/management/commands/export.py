from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wellboard.core.exchange import dumps
from wellboard.exchange.export import export_strategy
from wellboard.strategy.models import Strategy


class Command(BaseCommand):
    help = "Write a strategy as a plan exchange document (JSON) to standard output."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("strategy_id", type=int, help="the strategy's id")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            strategy = Strategy.objects.select_related("partnership").get(pk=options["strategy_id"])
        except Strategy.DoesNotExist:
            raise CommandError(
                f"no strategy with id {options['strategy_id']}", returncode=2
            ) from None
        self.stdout.write(dumps(export_strategy(strategy)), ending="")
