"""The header navigation: what each signed-in person may use, asked of the permission layer.

Templates never look at roles: `navigation(request)` asks `partnerships_where` (rules about a
partnership as a whole) and returns plain items for the NHS.UK header macro. A page appears
in the menu exactly when its view's guard would let the user in, which is what
tests/web/test_crawl.py checks by following the links.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from wellboard.accounts.permissions import partnerships_where
from wellboard.strategy.approvals import pending_count


@dataclass(frozen=True)
class NavItem:
    text: str
    href: str
    rule: str | None = None  # None: any signed-in member


def _items(user: Any) -> list[NavItem]:
    """Every candidate item, in the order the header shows them."""
    home = partnerships_where(user, "partnership.view")
    partnership = home[0] if home else None
    items = [
        NavItem("Strategies", reverse("strategy:strategies"), "strategy.view"),
        NavItem("Actions", reverse("strategy:actions"), "action.view"),
        NavItem("My actions", reverse("strategy:my_actions"), "my_actions.view"),
        NavItem("Indicators", reverse("indicators:list"), "indicator.view"),
        NavItem("Reports", reverse("reports:strategies"), "report.view"),
    ]
    if partnership is not None:
        items.append(NavItem("Partnership", reverse("partnerships:overview", args=[partnership])))
    approvals = pending_count(user)
    items.append(
        NavItem(
            f"Approvals ({approvals})" if approvals else "Approvals",
            reverse("approvals:queue"),
            "update.review",
        )
    )
    items.append(NavItem("Update rounds", reverse("rounds:index"), "round.view"))
    items.append(NavItem("Imports", reverse("imports:upload"), "import.run"))
    items.append(NavItem("Consultations", reverse("consultations:index"), "consultation.manage"))
    if partnership is not None:
        members = reverse("partnerships:members", args=[partnership])
        items.append(NavItem("Members", members, "members.manage"))
        items.append(
            NavItem(
                "Settings",
                reverse("partnerships:settings", args=[partnership]),
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
