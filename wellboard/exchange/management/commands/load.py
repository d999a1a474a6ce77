from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wellboard.core.exchange import ExchangeError, load_document
from wellboard.exchange.load import load_strategy
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Strategy


class Command(BaseCommand):
    help = "Load a plan exchange document (JSON) as a new strategy, or over an existing one."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the JSON document ('-' for standard input)")
        parser.add_argument("--strategy", type=int, help="replace the plans of this strategy")
        parser.add_argument("--partnership", type=int, help="load into this partnership")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            text = self._read(path)
            document = load_document(text)
            strategy = load_strategy(
                document,
                strategy=self._get(Strategy, options["strategy"], "strategy"),
                partnership=self._get(Partnership, options["partnership"], "partnership"),
            )
        except ExchangeError as exc:
            raise CommandError(f"{path}: {exc}", returncode=2) from None
        self.stdout.write(f"Loaded strategy {strategy.pk}: {strategy.title}")

    @staticmethod
    def _read(path: Path) -> bytes:
        import sys

        if str(path) == "-":
            return sys.stdin.buffer.read()
        try:
            return path.read_bytes()
        except OSError as exc:
            raise ExchangeError(exc.strerror or "cannot be read") from None

    @staticmethod
    def _get(model: Any, pk: int | None, label: str) -> Any:
        if pk is None:
            return None
        try:
            return model.objects.get(pk=pk)
        except model.DoesNotExist:
            raise ExchangeError(f"no {label} with id {pk}") from None
