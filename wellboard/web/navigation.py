"""The header navigation: what each signed-in person may use, asked of the permission layer.

Templates never look at roles: `navigation(request)` asks `partnerships_where` (rules about a
partnership as a whole) and returns plain items for the NHS.UK header macro. A page appears
in the menu exactly when its view's guard would let the user in, which is what
tests/web/test_crawl.py checks by following the links.

Its addresses are reversed once per process (`_href`): eleven reverse() calls were about a
third of the menu's cost on every signed-in page. An address depends only on the URL
name, its arguments, the URLconf and the script prefix the site is served under, and the
cache is keyed by all four; nothing about the user is kept (what they may see and their
approvals count are decided on every request).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf, reverse

from wellboard.accounts.permissions import partnerships_where
from wellboard.strategy.approvals import pending_count


@dataclass(frozen=True)
class NavItem:
    text: str
    href: str
    rule: str | None = None  # None: any signed-in member


@functools.lru_cache(maxsize=4096)
def _reversed(prefix: str, urlconf: Any, name: str, args: tuple[int, ...]) -> str:
    """reverse() under `prefix` (the current script prefix, which reverse() reads)."""
    return reverse(name, urlconf=urlconf, args=args or None)


def _href(name: str, *args: int) -> str:
    """The address of `name`, reversed once per URLconf, script prefix and arguments."""
    return _reversed(get_script_prefix(), get_urlconf(), name, args)


def _items(user: Any) -> list[NavItem]:
    """Every candidate item, in the order the header shows them."""
    home = partnerships_where(user, "partnership.view")
    partnership = home[0] if home else None
    items = [
        NavItem("Strategies", _href("strategy:strategies"), "strategy.view"),
        NavItem("Actions", _href("strategy:actions"), "action.view"),
        NavItem("My actions", _href("strategy:my_actions"), "my_actions.view"),
        NavItem("Indicators", _href("indicators:list"), "indicator.view"),
        NavItem("Reports", _href("reports:strategies"), "report.view"),
    ]
    if partnership is not None:
        items.append(NavItem("Partnership", _href("partnerships:overview", partnership)))
    approvals = pending_count(user)
    items.append(
        NavItem(
            f"Approvals ({approvals})" if approvals else "Approvals",
            _href("approvals:queue"),
            "update.review",
        )
    )
    items.append(NavItem("Update rounds", _href("rounds:index"), "round.view"))
    items.append(NavItem("Imports", _href("imports:upload"), "import.run"))
    items.append(NavItem("Consultations", _href("consultations:index"), "consultation.manage"))
    if partnership is not None:
        members = _href("partnerships:members", partnership)
        items.append(NavItem("Members", members, "members.manage"))
        items.append(
            NavItem(
                "Settings",
                _href("partnerships:settings", partnership),
                "partnership.manage",
            )
        )
    return items


def allowed_items(user: Any) -> list[NavItem]:
    """The items this user's role allows somewhere; nothing for someone in no partnership."""
    if not user.is_authenticated or not partnerships_where(user, "partnership.view"):
        return []
    return [i for i in _items(user) if i.rule is None or partnerships_where(user, i.rule)]


def navigation(request: HttpRequest | None) -> list[dict[str, Any]]:
    """Items for the NHS.UK header macro, the one matching the current page marked."""
    if request is None:
        return []
    items = allowed_items(request.user)
    path = request.path
    current = max((i.href for i in items if path.startswith(i.href)), key=len, default=None)
    return [
        {"href": i.href, "text": i.text, "current": i.href == path, "active": i.href == current}
        for i in items
    ]
