"""`wellboard api-token create --user NAME [--write] [--partnership ID] [--name TEXT]`
prints a new token once; `wellboard api-token revoke PREFIX` revokes one."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError, CommandParser

from wellboard.accounts.models import Membership
from wellboard.api import tokens
from wellboard.api.models import ApiToken
from wellboard.base.commands import OneLineErrorCommand
from wellboard.base.ids import is_id
from wellboard.partnerships.models import Partnership


def _refuse(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(OneLineErrorCommand):
    help = "API tokens: create one (printed once) or revoke one."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        make = sub.add_parser("create", help="make a token for a user (printed once)")
        make.add_argument("--user", required=True, help="the username the token acts as")
        make.add_argument("--write", action="store_true", help="allow writes, as the user may")
        make.add_argument("--partnership", help="the partnership's id (if the user has several)")
        make.add_argument("--name", default="Command line", help="what the token is for")
        revoke = sub.add_parser("revoke", help="revoke a token by its prefix")
        revoke.add_argument("prefix", help="the part after wb_, as the token list shows it")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "revoke":
            self._revoke(options["prefix"])
            return
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise _refuse(f"no user called {options['user']!r}")
        partnership = self._partnership(user, options["partnership"])
        try:
            _, token = tokens.create_token(
                user=user, partnership=partnership, name=options["name"], can_write=options["write"]
            )
        except ValidationError as error:
            raise _refuse(" ".join(error.messages)) from None
        self.stdout.write(token)

    def _partnership(self, user: Any, given: str | None) -> Partnership:
        mine = Membership.objects.filter(user=user, active=True).select_related("partnership")
        if given is not None:
            if not is_id(given):
                raise _refuse(f"--partnership {given!r}: give the partnership's id (a number)")
            found = mine.filter(partnership_id=int(given)).first()
            if found is None:
                raise _refuse(f"{user} is not an active member of partnership {given}")
            return found.partnership
        choices = list(mine)
        if not choices:
            raise _refuse(f"{user} is not an active member of any partnership")
        if len(choices) > 1:
            ids = ", ".join(str(m.partnership_id) for m in choices)
            raise _refuse(f"{user} belongs to several partnerships: add --partnership ({ids})")
        return choices[0].partnership

    def _revoke(self, prefix: str) -> None:
        record = ApiToken.objects.filter(prefix=prefix.removeprefix("wb_")).first()
        if record is None:
            raise _refuse(f"no token with prefix {prefix!r}")
        if not tokens.revoke(record, by=None):
            raise _refuse(f"token {prefix} was already revoked")
        self.stdout.write(f"revoked {record}")
