"""`wellboard serve`: gunicorn with threaded workers sized from the machine (docs/serving.md).

Pages spend much of their time waiting on the database, so each worker process runs
several threads (gunicorn's gthread worker): one process per CPU, four threads each by
default, with a connection per thread kept open (CONN_MAX_AGE) and checked before use
(CONN_HEALTH_CHECKS).
"""

from __future__ import annotations

import os
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from gunicorn.app.base import BaseApplication


class _Gunicorn(BaseApplication):
    """Gunicorn configured from arguments, not from the command line it was started with."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.settings.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from wellboard.wsgi import application

        return application


THREADS = 4


def default_workers() -> int:
    """One worker process per CPU this process may use, at least two."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cpus = os.cpu_count() or 1
    return max(2, cpus)


def gunicorn_settings(host: str, port: int, workers: int, threads: int) -> dict[str, Any]:
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "accesslog": "-",
        # Keep-alive lets a browser fetch the page's static files on one connection.
        "keepalive": 5,
    }


class Command(BaseCommand):
    help = "Serve Wellboard with gunicorn, threaded workers (static files through WhiteNoise)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--workers", type=int, default=default_workers(), help="default: one per CPU"
        )
        parser.add_argument("--threads", type=int, default=THREADS, help="per worker")
        parser.add_argument(
            "--no-access-log", action="store_true", help="leave out a line per request"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("collectstatic", interactive=False, verbosity=0)
        settings = gunicorn_settings(
            options["host"], options["port"], options["workers"], options["threads"]
        )
        if options["no_access_log"]:
            settings.pop("accesslog")
        self.stdout.write(
            f"Wellboard on http://{settings['bind']}/ "
            f"({settings['workers']} workers x {settings['threads']} threads)"
        )
        _Gunicorn(settings).run()
