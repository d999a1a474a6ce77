from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from wellboard.tasks.runner import run_queued


class Command(BaseCommand):
    help = "Run queued background tasks (reports, imports), polling the queue."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="run what is queued now, then exit")
        parser.add_argument(
            "--interval", type=float, default=2.0, help="seconds between polls (default 2)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once"]:
            ran = run_queued()
            self.stdout.write(f"Ran {ran} task{'s' if ran != 1 else ''}.")
            return
        self.stdout.write("Waiting for tasks (Ctrl+C to stop).")
        try:
            while True:
                # A long-lived process must drop connections the database has timed out.
                close_old_connections()
                if not run_queued():
                    time.sleep(max(0.1, options["interval"]))
        except KeyboardInterrupt:
            self.stdout.write("Stopped.")
