"""Who may see indicator pages, on top of wellboard.accounts.permissions.

Indicators hang off a partnership directly rather than through a strategy, so the shared
permission table does not list them; the rule is the one it applies to strategies: a
member of the partnership (any role) may read; anyone else only when the partnership has a
published strategy; otherwise the page does not exist (404, ADR 0003).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from wellboard.accounts.permissions import ADMINISTRATOR, memberships, public_strategies
from wellboard.indicators.models import Indicator
from wellboard.strategy.models import Theme


def may_read_partnership(user: Any, partnership_id: int) -> bool:
    if partnership_id in memberships(user):
        return True
    return public_strategies().filter(partnership_id=partnership_id).exists()


def indicator_for(user: Any, pk: int) -> Indicator:
    indicator = get_object_or_404(
        Indicator.objects.select_related("partnership", "catalogue_entry"), pk=pk
    )
    if not may_read_partnership(user, indicator.partnership_id):
        raise Http404("No such indicator.")
    return indicator


def may_manage(user: Any, indicator: Indicator) -> bool:
    """Loading data changes what the board sees, so only the partnership's administrators may."""
    membership = memberships(user).get(indicator.partnership_id)
    return membership is not None and membership.role == ADMINISTRATOR


def indicator_to_manage(user: Any, pk: int) -> Indicator:
    """The indicator if the user administers its partnership: 404 when they cannot read it,
    403 when they can read it but not change it (the permission layer's order)."""
    indicator = indicator_for(user, pk)
    if not may_manage(user, indicator):
        raise PermissionDenied("Only the partnership's administrators can load indicator data.")
    return indicator


def theme_for(user: Any, pk: int) -> Theme:
    """A theme its partnership's members may read, or anyone when its strategy is published."""
    theme = get_object_or_404(Theme.objects.select_related("plan__strategy__partnership"), pk=pk)
    strategy = theme.plan.strategy
    if strategy.partnership_id in memberships(user) or strategy.published:
        return theme
    raise Http404("No such theme.")
