"""Strategy overview, theme and priority pages: the delivery picture at each level."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import can, partnerships_where, scoped
from wellboard.history.recorder import history_for
from wellboard.partnerships.models import Partnership
from wellboard.strategy.delivery_current import plan_summary
from wellboard.strategy.lifecycle import approval_history
from wellboard.strategy.models import Plan, Priority, Strategy, Theme
from wellboard.strategy.overview_sections import theme_sections
from wellboard.strategy.plan_outline import plan_outline
from wellboard.strategy.plan_part import priority_part, theme_part
from wellboard.strategy.presenters import next_milestones, role_key, today


@guard()
def strategy_list(request: HttpRequest) -> HttpResponse:
    active = Strategy.objects.active().select_related("partnership")
    strategies = list(scoped(Strategy, request.user, active))
    # Where the user may add a strategy: the partnerships they build plans in.
    building = Partnership.objects.filter(pk__in=partnerships_where(request.user, "plan.edit"))
    context = {"strategies": strategies, "building": list(building.order_by("name"))}
    return render(request, "strategy/strategy_list.jinja", context)


@guard("strategy.view", Strategy)
def strategy_overview(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    plan = strategy.main_plan
    # Counted in the database; themes and priorities read as values (issue #17).
    state = plan_outline(plan, today()) if plan is not None else None
    context = {
        "strategy": strategy,
        "state": state,
        "theme_sections": theme_sections(state) if state else "",
        "role_key": role_key(strategy.partnership_id),
        "milestones": next_milestones(plan, today()) if plan else [],
        "can_manage": can(request.user, "strategy.manage", strategy),
        "can_edit": can(request.user, "plan.edit", strategy),
        "plans": list(strategy.plans.filter(archived_at__isnull=True)),
        "history": history_for(strategy),
        "can_transition": can(request.user, "strategy.transition", strategy),
        "can_consult": can(request.user, "consultation.manage", strategy),
        "approvals": approval_history(strategy),
    }
    return render(request, "strategy/overview.jinja", context)


@guard("theme.view", Theme)
def theme_detail(request: HttpRequest, theme: Theme) -> HttpResponse:
    # Only this theme's part of the plan is read, its actions as rows (issue #17.1).
    theme_state = theme_part(theme, today())
    context = {
        "strategy": theme.plan.strategy,
        "theme_state": theme_state,
        "can_edit": can(request.user, "plan.edit", theme),
        "history": history_for(theme),
    }
    return render(request, "strategy/theme.jinja", context)


@guard("priority.view", Priority)
def priority_detail(request: HttpRequest, priority: Priority) -> HttpResponse:
    context = {
        "strategy": priority.theme.plan.strategy,
        "theme": priority.theme,
        "priority_state": priority_part(priority, today()),
        "can_edit": can(request.user, "plan.edit", priority),
        "history": history_for(priority),
    }
    return render(request, "strategy/priority.jinja", context)


@guard("strategy.view", Plan)
def plan_detail(request: HttpRequest, plan: Plan) -> HttpResponse:
    """A plan or sub-plan: its themes and roll-up, and the priorities it delivers."""
    context = {
        "plan": plan,
        "strategy": plan.strategy,
        "state": plan_summary(plan, today()),
        "delivers": list(plan.delivers_priorities.filter(archived_at__isnull=True)),
        "can_edit": can(request.user, "plan.edit", plan),
        "history": history_for(plan),
    }
    return render(request, "strategy/plan.jinja", context)
