"""``wellboard indicators``: statistics for a CSV, and loading indicator data.

Subcommands: ``stats`` (wellboard.core.stats.command, which ``wellboard indicators stats``
runs without starting Django; here for ``call_command``),
``load-fingertips`` (a Fingertips download), ``load-fingertips-api`` (the Fingertips API,
with the optional fingertips-py client), ``load-local`` (a board's own CSV) and
``sync-catalogue`` (bring the national catalogue table in step with data/catalogue.csv after
it changes). Bad input gives a one-line error and exit status 2, and leaves the database
unchanged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wellboard.core.stats import StatsInputError
from wellboard.core.stats import command as stats_command
from wellboard.indicators.catalogue import CATALOGUE_CSV, sync_catalogue
from wellboard.indicators.loaders import (
    LoadError,
    load_fingertips_api,
    load_fingertips_csv,
    load_local_csv,
)
from wellboard.indicators.models import Indicator
from wellboard.partnerships.models import Partnership


class Command(BaseCommand):
    help = "Compute indicator statistics for a CSV, or load indicator values."
    # Statistics need no database or URLs; loads check their own input. Skipping the
    # project-wide checks keeps a batch of CSV files quick.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="subcommand", required=True)
        stats = commands.add_parser("stats", help="values and confidence limits for a CSV")
        stats_command.add_arguments(stats)

        download = commands.add_parser("load-fingertips", help="load a Fingertips download CSV")
        download.add_argument("file", type=Path)
        download.add_argument("--partnership", type=int, required=True)
        download.add_argument("--area", help="the partnership's own area code, e.g. E10000024")

        api = commands.add_parser("load-fingertips-api", help="load from the Fingertips API")
        api.add_argument("indicator_ids", type=int, nargs="+", metavar="INDICATOR_ID")
        api.add_argument("--partnership", type=int, required=True)
        api.add_argument("--area-type", type=int, default=502, help="Fingertips AreaTypeID")
        api.add_argument("--area", help="the partnership's own area code")

        local = commands.add_parser("load-local", help="load a local indicator CSV")
        local.add_argument("file", type=Path)
        local.add_argument("--indicator", type=int, required=True)
        local.add_argument("--method", choices=["wilson", "byars"], default=None)
        local.add_argument("--multiplier", type=float, default=None)

        sync = commands.add_parser(
            "sync-catalogue", help="apply data/catalogue.csv (or --file) to the catalogue table"
        )
        sync.add_argument("--file", type=Path, default=None, help="a catalogue CSV to apply")

    def handle(self, *args: Any, **options: Any) -> None:
        handlers = {
            "stats": self.stats,
            "load-fingertips": self.load_fingertips,
            "load-fingertips-api": self.load_fingertips_api,
            "load-local": self.load_local,
            "sync-catalogue": self.sync_catalogue,
        }
        try:
            handlers[options["subcommand"]](options)
        except (StatsInputError, LoadError) as exc:
            prefix = f"{options['file']}: " if options.get("file") else ""
            raise CommandError(prefix + str(exc).splitlines()[0], returncode=2) from None

    def stats(self, options: dict[str, Any]) -> None:
        if options["json"] and options["format"] not in (None, "json"):
            raise StatsInputError("--json and --format csv/jsonl contradict each other")
        stats_command.run(options, cast(BinaryIO, _TextSink(self.stdout)))

    def load_fingertips(self, options: dict[str, Any]) -> None:
        partnership = _get(Partnership, options["partnership"], "partnership")
        result = load_fingertips_csv(
            partnership=partnership, source=options["file"], area_code=options["area"]
        )
        self.stdout.write(result.summary())

    def load_fingertips_api(self, options: dict[str, Any]) -> None:
        partnership = _get(Partnership, options["partnership"], "partnership")
        result = load_fingertips_api(
            partnership=partnership,
            indicator_ids=options["indicator_ids"],
            area_type_id=options["area_type"],
            area_code=options["area"],
        )
        self.stdout.write(result.summary())

    def load_local(self, options: dict[str, Any]) -> None:
        indicator = _get(Indicator, options["indicator"], "indicator")
        result = load_local_csv(
            indicator=indicator,
            source=options["file"],
            method=options["method"],
            multiplier=options["multiplier"],
        )
        self.stdout.write(result.summary())

    def sync_catalogue(self, options: dict[str, Any]) -> None:
        self.stdout.write(sync_catalogue(path=options["file"] or CATALOGUE_CSV).summary())


class _TextSink:
    """The command's text stdout, taking the bytes the statistics writer produces."""

    def __init__(self, stdout: Any) -> None:
        self.stdout = stdout

    def write(self, data: bytes) -> int:
        self.stdout.write(data.decode("utf-8"), ending="")
        return len(data)


def _get(model: Any, pk: int, label: str) -> Any:
    try:
        return model.objects.get(pk=pk)
    except model.DoesNotExist:
        raise LoadError(f"no {label} with id {pk}") from None
