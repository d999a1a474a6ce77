"""ETags and conditional GETs: a reader polling an unchanged record gets 304 and no body.

The tag is a digest of the body as sent, so it changes whenever anything the caller sees
changes (a new update changes an action's status without touching its version). Answers
depend on who asks, hence ``Vary`` and ``private``.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.utils.cache import get_conditional_response, patch_vary_headers


def conditional(request: Any, response: Any) -> Any:
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:40] + '"'
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ["Authorization", "Cookie"])
    not_modified = get_conditional_response(request, etag=etag, response=response)
    if not_modified is not None and not_modified is not response:
        for header in ("Cache-Control", "Vary"):
            not_modified[header] = response[header]
    return not_modified
