from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wellboard.core.exchange import ExchangeError, load_document, validate
from wellboard.exchange.differences import preview_lines, reimport_preview
from wellboard.exchange.load import load_strategy
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Strategy


class Command(BaseCommand):
    help = "Load a plan exchange document (JSON) as a new strategy, or over an existing one."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the JSON document ('-' for standard input)")
        parser.add_argument(
            "--strategy", type=int, help="update this strategy's plans in place (history is kept)"
        )
        parser.add_argument("--partnership", type=int, help="load into this partnership")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="with --strategy: list the actions added, changed and no longer in the file",
        )
        parser.add_argument(
            "--archive-missing",
            action="store_true",
            help="with --strategy: archive the actions no longer in the file (never deleted)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            text = self._read(path)
            document = load_document(text)
            target = self._get(Strategy, options["strategy"], "strategy")
            if options["dry_run"]:
                self._preview(document, target, archive=options["archive_missing"])
                return
            strategy = load_strategy(
                document,
                strategy=target,
                partnership=self._get(Partnership, options["partnership"], "partnership"),
                archive_missing=options["archive_missing"],
            )
        except ExchangeError as exc:
            raise CommandError(f"{path}: {exc}", returncode=2) from None
        self.stdout.write(f"Loaded strategy {strategy.pk}: {strategy.title}")

    def _preview(self, document: dict[str, Any], target: Strategy | None, archive: bool) -> None:
        validate(document)
        if target is None:
            raise ExchangeError("--dry-run compares with a strategy: give one with --strategy")
        for line in preview_lines(reimport_preview(document, target), archive=archive):
            self.stdout.write(line)

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
