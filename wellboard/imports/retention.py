"""Uploaded plans are kept only while an import needs them (issue #12).

Applying or discarding an import deletes its upload at once (saving.py, views.py); an
import nobody finishes loses its upload after WELLBOARD_UPLOAD_RETENTION_DAYS, by this
periodic job of the worker. What was read from the file (the preview) stays, so the run
still shows what it held; reading it again asks for the file.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from wellboard.imports.models import ImportRun
from wellboard.tasks.periodic import periodic_jobs


def retention_days() -> int:
    return int(settings.WELLBOARD_UPLOAD_RETENTION_DAYS)


def deleted_message() -> str:
    days = retention_days()
    return (
        f"The uploaded file was deleted after {days} day{'s' if days != 1 else ''}, "
        "as every unfinished upload is: upload it again."
    )


@periodic_jobs.register("imports.forget_uploads", every=timedelta(hours=1))
def forget_old_uploads() -> None:
    cutoff = timezone.now() - timedelta(days=retention_days())
    ImportRun.objects.filter(created_at__lt=cutoff).exclude(source=None).update(source=None)
