"""`wellboard setup`: the first partnership and its administrator, on a fresh install."""

from __future__ import annotations

import getpass
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wellboard.partnerships.first_run import SetupError, set_up

PASSWORD_VARIABLE = "WELLBOARD_SETUP_PASSWORD"  # noqa: S105 - a variable name


class Command(BaseCommand):
    help = (
        "Create the first partnership and its administrator. The password comes from "
        f"${PASSWORD_VARIABLE}, or is asked for."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--partnership", required=True, help="the partnership's name")
        parser.add_argument("--username", required=True, help="the administrator's username")
        parser.add_argument("--email", required=True, help="the administrator's email address")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = set_up(
                options["partnership"], options["username"], options["email"], self._password()
            )
        except SetupError as exc:
            raise CommandError(" ".join(str(exc).split()), returncode=2) from None
        self.stdout.write(
            f"Created partnership {result.partnership.pk}: {result.partnership.name}, "
            f"administered by {result.username}. Sign in at /accounts/login/."
        )

    @staticmethod
    def _password() -> str:
        given = os.environ.get(PASSWORD_VARIABLE, "")
        if given:
            return given
        try:
            first = getpass.getpass("Password for the administrator: ")
            second = getpass.getpass("The same password again: ")
        except (EOFError, KeyboardInterrupt):
            raise CommandError(
                f"no password: set {PASSWORD_VARIABLE} or run setup in a terminal", returncode=2
            ) from None
        if first != second:
            raise CommandError("the two passwords differ", returncode=2)
        return first
