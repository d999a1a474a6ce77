"""The public, read-only pages of a published strategy: the strategy and one per theme.

They show no personal names or contact details and count only approved updates (the
kept delivery columns leave out updates awaiting approval or returned). The strategy's
page gives each theme's roll-up from one grouped count (`plan_summary`) and links to the
theme's own page, which loads only that theme's priorities and actions, as rows of values
(strategy/public_reading.py): every published action is one click from the strategy's
page, and neither page builds the whole plan (issue #17: a 400-action plan drew every
action on one page, 100 ms of server time).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wellboard.accounts.guards import guard
from wellboard.strategy.lifecycle import approval_history
from wellboard.strategy.models import Strategy, Theme
from wellboard.strategy.presenters import role_key, today
from wellboard.strategy.public_reading import public_plan_summary, public_theme_state


def _published() -> Any:
    """Only published strategies have a public page, for members too."""
    return Strategy.objects.published().select_related("partnership")


def _published_themes() -> Any:
    """Active themes of active plans of published strategies, for members too."""
    return (
        Theme.objects.published()
        .filter(archived_at__isnull=True, plan__archived_at__isnull=True)
        .select_related("plan__strategy__partnership")
    )


@guard("strategy.public", Strategy, queryset=_published)
def public_strategy(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    plan = strategy.main_plan
    context = {
        "strategy": strategy,
        "state": public_plan_summary(plan, today()) if plan else None,
        "approvals": approval_history(strategy),
    }
    return render(request, "strategy/public.jinja", context)


@guard("theme.public", Theme, queryset=_published_themes)
def public_theme(request: HttpRequest, theme: Theme) -> HttpResponse:
    strategy = theme.plan.strategy
    context = {
        "strategy": strategy,
        "theme_state": public_theme_state(theme, today()),
        "role_key": role_key(strategy.partnership_id),
    }
    return render(request, "strategy/public_theme.jinja", context)
