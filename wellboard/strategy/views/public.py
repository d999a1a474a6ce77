"""The public, read-only view of a published strategy.

Shows no personal names or contact details and counts only approved updates (the
delivery roll-up already leaves out updates awaiting approval or returned).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wellboard.accounts.guards import guard
from wellboard.strategy.delivery_current import plan_current
from wellboard.strategy.lifecycle import approval_history
from wellboard.strategy.models import Strategy
from wellboard.strategy.presenters import bar, role_key, today


def _published() -> Any:
    """Only published strategies have a public page, for members too."""
    return Strategy.objects.published().select_related("partnership")


@guard("strategy.public", Strategy, queryset=_published)
def public_strategy(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    plan = strategy.main_plan
    state = plan_current(plan, today()) if plan else None
    context = {
        "strategy": strategy,
        "state": state,
        "bar": bar,
        "role_key": role_key(strategy.partnership_id),
        "approvals": approval_history(strategy),
    }
    return render(request, "strategy/public.jinja", context)
