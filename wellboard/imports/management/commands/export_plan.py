"""`wellboard export_plan ID --as xlsx|decidim|decidim-import -o FILE`: a plan sheet or Decidim
results CSV (its export layout, or the layout its accountability import reads)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wellboard.core.spreadsheet_cells import CellTooLong
from wellboard.imports.roundtrip import export_results_csv, export_workbook
from wellboard.strategy.models import Strategy


class Command(BaseCommand):
    help = "Write a strategy's main plan as an editable .xlsx sheet or a Decidim results CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("strategy", type=int)
        parser.add_argument(
            "--as", dest="shape", choices=["xlsx", "decidim", "decidim-import"], default="xlsx"
        )
        parser.add_argument("-o", "--output", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        strategy = Strategy.objects.filter(pk=options["strategy"]).first()
        if strategy is None:
            raise CommandError(f"no strategy with id {options['strategy']}", returncode=2)
        output: Path = options["output"]
        try:
            if options["shape"] == "xlsx":
                output.write_bytes(export_workbook(strategy))
            else:
                layout = "import" if options["shape"] == "decidim-import" else "export"
                csv_text = export_results_csv(strategy, layout)
                output.write_text(csv_text, encoding="utf-8", newline="")
        except OSError as exc:
            raise CommandError(f"{output}: {exc.strerror or exc}", returncode=2) from None
        except CellTooLong as exc:
            raise CommandError(f"the plan sheet cannot be written: {exc}", returncode=2) from None
        self.stdout.write(f"Wrote {output}")
