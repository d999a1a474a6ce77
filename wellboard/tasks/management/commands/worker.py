"""`wellboard worker`: run queued background tasks (large reports, imports) and periodic jobs."""

from __future__ import annotations

import logging
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wellboard.tasks.worker import Worker

LOGGERS = ("wellboard.tasks", "django_tasks", "django_tasks_db")


class Command(BaseCommand):
    help = (
        "Run queued background tasks until stopped (SIGTERM or Ctrl+C lets the current task "
        "finish first). Run one or more beside the web server."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="run what is queued now, then exit")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="seconds between polls (default 1)"
        )
        parser.add_argument(
            "--queue-name", default="default", help="queues to take tasks from, comma-separated"
        )
        parser.add_argument(
            "--worker-id", default=None, help="unique id (default: host-pid-random)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not 0 < options["interval"] <= 3600:
            raise CommandError("--interval must be between 0 and 3600 seconds.")
        worker_id = options["worker_id"]
        if worker_id is not None and not 0 < len(worker_id) <= 64:
            raise CommandError("--worker-id must have 1 to 64 characters.")
        level = logging.INFO if options["verbosity"] >= 1 else logging.WARNING
        for name in LOGGERS:
            logging.getLogger(name).setLevel(logging.DEBUG if options["verbosity"] > 1 else level)
        worker = Worker(
            worker_id=worker_id,
            interval=options["interval"],
            queue_names=tuple(q.strip() for q in options["queue_name"].split(",") if q.strip()),
        )
        if options["once"]:
            ran = worker.run_pending(handle_signals=True)
            self.stdout.write(f"Ran {ran} task{'s' if ran != 1 else ''}.")
            return
        worker.run_forever()
