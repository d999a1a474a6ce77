from __future__ import annotations

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


class Command(BaseCommand):
    help = "Serve Wellboard with gunicorn (static files through WhiteNoise)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("collectstatic", interactive=False, verbosity=0)
        bind = f"{options['host']}:{options['port']}"
        self.stdout.write(f"Wellboard on http://{bind}/")
        _Gunicorn({"bind": bind, "workers": options["workers"], "accesslog": "-"}).run()
