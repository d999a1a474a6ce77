"""What Wellboard's own management commands share."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class OneLineErrorCommand(BaseCommand):
    """A command whose usage errors are one line and exit status 2.

    argparse prints the whole usage before its error; a scheduled run's log wants just the
    error, and `call_command` (tests, other code) a CommandError carrying status 2.
    """

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def one_line_error(message: str) -> None:
            if parser.called_from_command_line:
                sys.stderr.write(f"CommandError: {message}\n")
                sys.exit(2)
            raise CommandError(message, returncode=2)

        parser.error = one_line_error  # type: ignore[method-assign]
        for action in parser._actions:  # a subcommand's own parser ("api-token create")
            if isinstance(action, argparse._SubParsersAction):
                for subparser in action.choices.values():
                    subparser.error = one_line_error
        return parser
