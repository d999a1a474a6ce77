"""`wellboard backup --partnership ID --out FILE`: one partnership, whole, in one file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from wellboard.backup.document import BackupError, build_backup, write_backup
from wellboard.partnerships.models import Partnership


class Command(BaseCommand):
    help = (
        "Write a whole partnership (strategies, plans, updates, reviews, comments, people, "
        "members, indicator values, history) to a backup file; .gz compresses it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--partnership", type=int, required=True)
        parser.add_argument("--out", type=Path, required=True, help="the file to write")
        parser.add_argument(
            "--with-passwords",
            action="store_true",
            help="include the users' password hashes (restored users can then sign in)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        partnership = Partnership.objects.filter(pk=options["partnership"]).first()
        if partnership is None:
            raise CommandError(f"no partnership with id {options['partnership']}", returncode=2)
        path: Path = options["out"]
        try:
            # One snapshot: a repeatable read where the database offers it.
            with transaction.atomic():
                document = build_backup(partnership, with_passwords=options["with_passwords"])
            write_backup(document, path)
        except (BackupError, OSError) as exc:
            message = exc.strerror if isinstance(exc, OSError) else str(exc)
            raise CommandError(f"{path}: {message}", returncode=2) from None
        rows = sum(len(table["rows"]) for table in document["tables"])
        self.stdout.write(
            f"Backed up {partnership.name} (partnership {partnership.pk}): "
            f"{rows} rows in {len(document['tables'])} tables to {path}"
        )
