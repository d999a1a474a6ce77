"""API tokens stay out of a partnership's backup: a backup file is copied and restored
elsewhere, and the copy must not open to an integration holding a token of the original
(its administrators issue new ones). Only digests are stored, but a digest still proves
a token, so it is left out too."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User

from wellboard.api.models import ApiToken
from wellboard.api.tokens import create_token
from wellboard.backup.collect import owned_models
from wellboard.backup.document import build_backup
from wellboard.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def test_a_backup_carries_no_api_token(rich_partnership: Partnership) -> None:
    record, token = create_token(
        user=User.objects.get(username="admin"),
        partnership=rich_partnership,
        name="Power BI",
        can_write=True,
    )
    document = json.dumps(build_backup(rich_partnership, with_passwords=True), default=str)
    assert ApiToken not in owned_models()
    assert record.digest not in document and record.prefix not in document
    assert token not in document
