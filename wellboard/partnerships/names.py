"""Whether a page may name people: always for members, for the public only if chosen.

Councillors' and officers' names are personal data; a partnership publishes them on its
public pages only when it sets `publish_names` (issue #12).
"""

from __future__ import annotations

from typing import Any

from wellboard.accounts.permissions import is_member
from wellboard.partnerships.models import Partnership


def shows_names(user: Any, partnership: Partnership) -> bool:
    return partnership.publish_names or is_member(user, partnership.pk)
