"""An administrator's download of their partnership's backup (`wellboard backup`, no
password hashes), so a board can keep its own record beside its papers. Restoring stays a
command for whoever runs the installation (docs/backup.md)."""

from __future__ import annotations

import gzip

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from wellboard.accounts.guards import guard
from wellboard.backup.document import backup_bytes, build_backup
from wellboard.partnerships.models import Partnership


@guard("partnership.manage", Partnership)
def download(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    with transaction.atomic():  # one consistent snapshot
        document = build_backup(partnership, with_passwords=False)
    name = f"wellboard-{partnership.slug}-{timezone.localdate():%Y-%m-%d}.json.gz"
    response = HttpResponse(gzip.compress(backup_bytes(document)), content_type="application/gzip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
