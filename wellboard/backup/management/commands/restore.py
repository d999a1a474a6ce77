"""`wellboard restore FILE`: a partnership from `wellboard backup`, whole or not at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from wellboard.backup.document import BackupError, read_backup
from wellboard.backup.restore import restore_backup


class Command(BaseCommand):
    help = "Restore a partnership from a backup file in one transaction."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--use-existing-users",
            action="store_true",
            help="give the backup's memberships to accounts here with the same usernames "
            "(only when they are the same people)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            document = read_backup(path)
            partnership, counts = restore_backup(
                document, use_existing_users=options["use_existing_users"]
            )
        except BackupError as exc:
            message = str(exc) if str(exc).startswith(str(path)) else f"{path}: {exc}"
            raise CommandError(" ".join(message.split()), returncode=2) from None
        except DatabaseError as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise CommandError(
                f"{path}: the database refused a row: {first}", returncode=2
            ) from None
        rows = sum(n for label, n in counts.items() if "." in label)
        self.stdout.write(
            f"Restored {partnership.name} as partnership {partnership.pk}: {rows} rows; "
            f"{counts['users created']} users created, {counts['users kept']} existing kept"
        )
