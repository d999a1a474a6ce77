"""Which links Wellboard stores and draws as live links: http, https and mailto only.

A `javascript:` or `data:` link in an organisation's website or an update's evidence
would run in the browser of whoever clicks it, anonymous visitors included. Browsers
ignore tabs, newlines and leading spaces inside a scheme, so a link holding any
whitespace or control character is refused outright rather than cleaned.
"""

from __future__ import annotations

import re

SAFE_SCHEMES = ("http", "https", "mailto")
MAX_LINK_LENGTH = 500
LINK_MESSAGE = "Enter a link starting with https://, http:// or mailto:"

_WEB = re.compile(r"^https?://[^/?#@\s]+(?:[/?#]\S*)?$", re.IGNORECASE)
_MAIL = re.compile(r"^mailto:[^@\s/]+@[^@\s/]+$", re.IGNORECASE)
_UNSEEN = re.compile(r"[\s\x00-\x1f\x7f]")


def link_problem(link: str) -> str | None:
    """None for an empty or safe link, else a one-line message saying what to enter."""
    if link == "":
        return None
    if len(link) > MAX_LINK_LENGTH:
        return f"Enter a link of at most {MAX_LINK_LENGTH} characters"
    if _UNSEEN.search(link) or not (_WEB.match(link) or _MAIL.match(link)):
        return LINK_MESSAGE
    return None


def is_safe_link(link: str) -> bool:
    return bool(link) and link_problem(link) is None
