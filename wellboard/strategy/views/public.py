"""The public, read-only view of a published strategy.

Shows no personal names or contact details and counts only approved updates (the
delivery roll-up already leaves out updates awaiting approval or returned).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from wellboard.accounts.permissions import public_strategies
from wellboard.strategy.delivery import plan_delivery
from wellboard.strategy.presenters import bar, role_key, today


@require_GET
def public_strategy(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_object_or_404(public_strategies(), pk=pk)
    plan = strategy.main_plan
    state = plan_delivery(plan, today()) if plan else None
    context = {"strategy": strategy, "state": state, "bar": bar, "role_key": role_key()}
    return render(request, "strategy/public.jinja", context)
