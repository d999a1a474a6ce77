"""`wellboard import FILE`: read a plan document, a Decidim export or an edited plan sheet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from wellboard.core.exchange import ExchangeError, canonical
from wellboard.core.parsing import PlanImportError
from wellboard.exchange.differences import preview_lines, reimport_preview
from wellboard.imports.models import ImportRun
from wellboard.imports.reading import SHEET, Reading, count, read_file
from wellboard.imports.roundtrip import ApplyError, apply_changes
from wellboard.imports.saving import save_document
from wellboard.imports.summary import change_lines
from wellboard.partnerships.models import Partnership
from wellboard.strategy.delivery_cache import deferred_refresh
from wellboard.strategy.models import Strategy


class Command(BaseCommand):
    help = (
        "Import a plan (.docx, .xlsx, .pdf, .csv, .txt, .md), a Decidim results CSV, or an edited "
        "plan sheet (with --strategy) in one transaction."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--strategy", type=int, help="import over, or update, this strategy")
        parser.add_argument("--partnership", type=int, help="import into this partnership")
        parser.add_argument(
            "--new-partnership",
            metavar="NAME",
            help="create this partnership and import into it (an install with none yet)",
        )
        parser.add_argument("--dry-run", action="store_true", help="read and report; save nothing")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument(
            "--delete-missing",
            action="store_true",
            help="plan sheets: archive actions whose ref is not in the sheet (kept, not deleted)",
        )
        parser.add_argument(
            "--archive-missing",
            action="store_true",
            help="a plan imported over a strategy: archive the actions no longer in the file",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            strategy = self._strategy(options["strategy"])
            if not options["dry_run"]:
                partnership = self._partnership(
                    options["partnership"], strategy, options["new_partnership"]
                )
            if not path.is_file():
                raise PlanImportError(str(path), "no such file")
            reading = read_file(path, filename=str(path), target=strategy)
            if options["dry_run"]:
                archive = options["archive_missing"]
                self._report(reading, as_json=options["json"], strategy=strategy, archive=archive)
                return
            outcome = self._save(
                reading,
                path,
                partnership,
                strategy,
                delete_missing=options["delete_missing"],
                archive_missing=options["archive_missing"],
            )
        except (PlanImportError, ExchangeError, ApplyError) as exc:
            message = str(exc) if isinstance(exc, PlanImportError) else f"{path}: {exc}"
            raise CommandError(" ".join(message.split()), returncode=2) from None
        if options["json"]:
            self.stdout.write(json.dumps(outcome, sort_keys=True))
        else:
            self.stdout.write(
                f"Imported into strategy {outcome['strategy_id']}: "
                f"{outcome['actions']} actions, {len(outcome['warnings'])} warnings"
            )

    @staticmethod
    def _strategy(pk: int | None) -> Strategy | None:
        if pk is None:
            return None
        strategy = Strategy.objects.select_related("partnership").filter(pk=pk).first()
        if strategy is None:
            raise ExchangeError(f"no strategy with id {pk}")
        return strategy

    @staticmethod
    def _partnership(pk: int | None, strategy: Strategy | None, new: str | None) -> Partnership:
        if new is not None:
            return Command._new_partnership(new, pk, strategy)
        if pk is not None:
            partnership = Partnership.objects.filter(pk=pk).first()
            if partnership is None:
                raise ExchangeError(f"no partnership with id {pk}")
            if strategy is not None and strategy.partnership_id != partnership.pk:
                raise ExchangeError(f"strategy {strategy.pk} is not in partnership {pk}")
            return partnership
        if strategy is not None:
            return strategy.partnership
        only = list(Partnership.objects.all()[:2])
        if not only:
            raise ExchangeError(
                "no partnership exists: run `wellboard setup` first, or give --new-partnership NAME"
            )
        if len(only) > 1:
            raise ExchangeError("there are several partnerships: give one with --partnership")
        return only[0]

    @staticmethod
    def _new_partnership(name: str, pk: int | None, strategy: Strategy | None) -> Partnership:
        """A partnership made for this import; saved in the import's transaction."""
        if pk is not None or strategy is not None:
            raise ExchangeError(
                "--new-partnership cannot be given with --partnership or --strategy"
            )
        if not name.strip():
            raise ExchangeError("--new-partnership needs a name")
        if Partnership.objects.filter(name__iexact=name.strip()).exists():
            raise ExchangeError(f"a partnership called {name.strip()!r} already exists")
        return Partnership(name=name.strip())

    def _report(
        self, reading: Reading, *, as_json: bool, strategy: Strategy | None, archive: bool
    ) -> None:
        if reading.kind == SHEET:
            assert reading.changes is not None
            if as_json:
                self.stdout.write(json.dumps(reading.changes, indent=2, sort_keys=True))
            else:
                self.stdout.write("\n".join(change_lines(reading.changes)))
            return
        assert reading.document is not None
        if as_json:
            self.stdout.write(canonical(reading.document), ending="")
            return
        if strategy is not None:
            preview = reimport_preview(reading.document, strategy)
            for line in preview_lines(preview, archive=archive):
                self.stdout.write(line)
        themes, priorities, actions = count(reading.document)
        self.stdout.write(
            f"{themes} themes, {priorities} priorities, {actions} actions, "
            f"{len(reading.warnings)} warnings"
        )
        for warning in reading.warnings:
            self.stdout.write(f"warning: {warning}")

    @staticmethod
    @transaction.atomic
    @deferred_refresh()
    def _save(
        reading: Reading,
        path: Path,
        partnership: Partnership,
        strategy: Strategy | None,
        *,
        delete_missing: bool,
        archive_missing: bool,
    ) -> dict[str, Any]:
        if partnership.pk is None:
            partnership.save()  # --new-partnership: created with the plan, or not at all
        run = ImportRun(
            partnership=partnership,
            file_name=path.name[:255],
            target=strategy,
            kind=reading.kind,
            document=reading.document,
            changes=dict(reading.changes) if reading.changes is not None else None,
            warnings=reading.warnings,
            unmapped_headers=reading.unmapped_headers,
            status=ImportRun.Status.APPLIED,
            applied_at=timezone.now(),
        )
        if reading.kind == SHEET:
            assert strategy is not None and reading.changes is not None
            applied = apply_changes(
                strategy,
                reading.changes,
                delete_missing=delete_missing,
                user=None,
                today=timezone.localdate(),
            )
            result, actions = strategy, applied["changed"] + applied["new"]
        else:
            assert reading.document is not None
            result = save_document(
                reading.document,
                partnership=partnership,
                strategy=strategy,
                archive_missing=archive_missing,
            )
            run.themes, run.priorities, actions = count(reading.document)
        run.actions, run.result_strategy = actions, result
        run.save()
        return {"strategy_id": result.pk, "actions": actions, "warnings": reading.warnings}
