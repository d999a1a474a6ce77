from __future__ import annotations

import os
import time
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wellboard.demo.national import NAME_PREFIX, NationalBuilder, scale_size
from wellboard.demo.services import (
    PASSWORD_VARIABLE,
    DemoResult,
    _password,
    demo_strategy,
    load_demo,
)
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Strategy

DEMO_USERS = "admin, lead1, lead2 and board1"
SIGN_IN = "Sign in at /accounts/login/ (http://127.0.0.1:8000/accounts/login/ under `make run`)"


class Command(BaseCommand):
    help = f"Load the demo partnership and strategy, with users {DEMO_USERS}."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing when the database already holds a partnership or strategy",
        )
        parser.add_argument(
            "--scale",
            help="instead of the demo, build 'national' (150 partnerships of 400 actions) "
            "or N partnerships in bulk, for benchmarks (wellboard/demo/national.py)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["scale"]:
            self._national(options["scale"])
            return
        if options["if_empty"] and (Strategy.objects.exists() or Partnership.objects.exists()):
            self._already_there()
            return
        self._loaded(load_demo())

    def _national(self, scale: str) -> None:
        try:
            size = scale_size(scale)
        except ValueError as error:
            raise CommandError(str(error), returncode=2) from None
        if Partnership.objects.filter(name__startswith=NAME_PREFIX).exists():
            raise CommandError("the national-scale partnerships are already loaded", returncode=2)
        password, generated = _password()
        start = time.perf_counter()
        counts = NationalBuilder(size).build(password)
        seconds = time.perf_counter() - start
        made = ", ".join(f"{n:,} {what}" for what, n in counts.items())
        self.stdout.write(f"Built {made} in {seconds:.1f} s")
        self.stdout.write(
            f"Users admin-1..admin-{size} and lead-1..lead-{size} "
            + (f"have the password: {password}" if generated else f"use ${PASSWORD_VARIABLE}.")
        )

    def _loaded(self, result: DemoResult) -> None:
        verb = "Loaded" if result.created else "Already loaded:"
        self.stdout.write(f"{verb} demo strategy {result.strategy.pk}: {result.strategy.title}")
        if result.password_generated:
            self.stdout.write(
                f"Users {DEMO_USERS} have the password: {result.password}\n"
                f"(set {PASSWORD_VARIABLE} to choose it)"
            )
        else:
            self.stdout.write(f"Users {DEMO_USERS} use ${PASSWORD_VARIABLE}.")
        self.stdout.write(f"{SIGN_IN}.")

    def _already_there(self) -> None:
        """A second `make run`: say how to sign in without changing anyone's password,
        unless $WELLBOARD_DEMO_PASSWORD asks for the demo users' password to be set."""
        has_demo = demo_strategy() is not None and User.objects.filter(username="admin").exists()
        if has_demo and os.environ.get(PASSWORD_VARIABLE):
            self._loaded(load_demo())
            return
        self.stdout.write("The database already holds a partnership: demo not loaded.")
        if has_demo:
            self.stdout.write(
                f"{SIGN_IN} as {DEMO_USERS.replace(' and ', ' or ')} with the password printed "
                f"when the demo was loaded; `wellboard demo` sets a new one (set "
                f"{PASSWORD_VARIABLE} to choose it)."
            )
        else:
            self.stdout.write(f"{SIGN_IN} with the administrator `wellboard setup` created.")
