"""Making, finding and revoking API tokens (the model's docstring says why SHA-256).

A token reads ``wb_<prefix>_<secret>``: the prefix finds the row, the digest of the whole
token proves it. It is shown once, when made; afterwards nobody can read it back.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from wellboard.accounts.models import Membership
from wellboard.api.models import ApiToken
from wellboard.partnerships.models import Partnership

SCHEME = "wb"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _member(user: Any, partnership: Partnership) -> bool:
    return Membership.objects.filter(user=user, partnership=partnership, active=True).exists()


@transaction.atomic
def create_token(
    *, user: Any, partnership: Partnership, name: str, can_write: bool, created_by: Any = None
) -> tuple[ApiToken, str]:
    """A new token for `user` in `partnership`, and its secret (shown once, never stored)."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Say what the token is for, e.g. Power BI."})
    if not user.is_active or not _member(user, partnership):
        raise ValidationError({"user": f"{user} is not an active member of {partnership}."})
    prefix = secrets.token_hex(6)
    token = f"{SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"
    record = ApiToken(
        partnership=partnership,
        user=user,
        name=name,
        prefix=prefix,
        digest=digest(token),
        can_write=can_write,
        created_by=created_by,
    )
    record.full_clean()
    record.save()
    return record, token


def find(token: str) -> ApiToken | None:
    """The live token this secret proves, whose user is still an active member; else None."""
    scheme, _, rest = token.partition("_")
    prefix, _, secret = rest.partition("_")
    if scheme != SCHEME or not prefix or not secret:
        return None
    record = (
        ApiToken.objects.live().select_related("user", "partnership").filter(prefix=prefix).first()
    )
    if record is None or not hmac.compare_digest(record.digest, digest(token)):
        return None
    if not record.user.is_active or not _member(record.user, record.partnership):
        return None
    return record


def touch(record: ApiToken) -> None:
    """Note when the token was last used, at most once a minute (one small UPDATE)."""
    now = timezone.now()
    if record.last_used_at is None or (now - record.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
        record.last_used_at = now


def revoke(record: ApiToken, by: Any) -> bool:
    """Revoke the token (kept, so the list still shows it); False if it already was."""
    changed = ApiToken.objects.filter(pk=record.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by
    )
    record.refresh_from_db()
    return bool(changed)
