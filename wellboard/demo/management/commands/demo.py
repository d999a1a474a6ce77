from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wellboard.demo.services import PASSWORD_VARIABLE, load_demo
from wellboard.strategy.models import Strategy


class Command(BaseCommand):
    help = "Load the demo partnership and strategy, with users admin, lead1, lead2 and board1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing when the database already holds a strategy",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Strategy.objects.exists():
            self.stdout.write("The database already holds strategies: demo not loaded.")
            return
        result = load_demo()
        verb = "Loaded" if result.created else "Already loaded:"
        self.stdout.write(f"{verb} demo strategy {result.strategy.pk}: {result.strategy.title}")
        if result.password_generated:
            self.stdout.write(
                f"Users admin, lead1, lead2 and board1 have the password: {result.password}\n"
                f"(set {PASSWORD_VARIABLE} to choose it)"
            )
        else:
            self.stdout.write(f"Users admin, lead1, lead2 and board1 use ${PASSWORD_VARIABLE}.")
