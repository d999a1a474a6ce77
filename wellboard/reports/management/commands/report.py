"""`wellboard report delivery|annual|exceptions --strategy ID --format F --out FILE`,
for scheduled runs. Bad input is one line on stderr and exit status 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils import timezone

from wellboard.base.commands import OneLineErrorCommand
from wellboard.reports.build import FORMATS, get_format, produce
from wellboard.reports.params import KINDS, ReportError, build_params
from wellboard.strategy.models import Strategy


class Command(OneLineErrorCommand):
    help = "Write a board report (delivery plan, annual or exceptions) to a file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", help=f"one of: {', '.join(KINDS)}")
        parser.add_argument("--strategy", required=True, help="the strategy's id")
        parser.add_argument("--format", required=True, help=f"one of: {', '.join(FORMATS)}")
        parser.add_argument("--out", required=True, type=Path, help="the file to write")
        parser.add_argument("--year", help="financial year starting in April YYYY (annual)")
        parser.add_argument("--board", help="governance board name or short name")
        parser.add_argument("--theme", help="theme reference or id")
        parser.add_argument("--organisation", help="lead organisation name or acronym")
        parser.add_argument("--as-of", dest="as_of", help="show the plan as at YYYY-MM-DD")
        parser.add_argument(
            "--since", help="the previous meeting or report, YYYY-MM-DD (exceptions, annual)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            self._write(options)
        except ReportError as exc:
            raise CommandError(str(exc), returncode=2) from None

    def _write(self, options: dict[str, Any]) -> None:
        kind = options["kind"]
        if kind not in KINDS:
            raise ReportError(f"unknown report {kind!r}: use {', '.join(KINDS)}")
        get_format(options["format"])
        strategy = self._strategy(options["strategy"])
        params = build_params(
            kind=kind,
            strategy=strategy,
            as_of=options["as_of"],
            today=timezone.localdate(),
            year=options["year"],
            board=options["board"],
            theme=options["theme"],
            organisation=options["organisation"],
            since=options["since"],
        )
        rendered = produce(params, options["format"])
        out: Path = options["out"]
        try:
            out.write_bytes(rendered.content)
        except OSError as exc:
            raise ReportError(f"{out}: {exc.strerror or 'cannot be written'}") from None
        self.stdout.write(f"Wrote {rendered.report.title} to {out}")

    @staticmethod
    def _strategy(value: str) -> Strategy:
        strategy = (
            Strategy.objects.select_related("partnership").filter(pk=int(value)).first()
            if value.isdigit()
            else None
        )
        if strategy is None:
            raise ReportError(f"no strategy with id {value}")
        return strategy
