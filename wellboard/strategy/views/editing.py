"""Pages administrators build the plan with: add and edit each level, move, archive.

Every page is reached from its parent's page (strategy -> add a theme, theme -> add a
priority, priority -> add an action) and from the record's own page (edit, move up or
down, archive). Forms are versioned, so an edit made from a stale page is refused.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.base.versioning import VersionedFormMixin
from wellboard.partnerships.models import Partnership
from wellboard.strategy import plan_editing
from wellboard.strategy.models import Action, Plan, Priority, Strategy, Theme
from wellboard.strategy.plan_forms import (
    ActionForm,
    PlanForm,
    PriorityForm,
    StrategyForm,
    ThemeForm,
)

KIND_NAMES = {Strategy: "strategy", Plan: "plan", Theme: "theme", Priority: "priority"}


def _form_page(
    request: HttpRequest, form: VersionedFormMixin, *, heading: str, back: Any, button: str
) -> HttpResponse | None:
    """Save a posted valid form and return None (the caller redirects), or draw it."""
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save_or_report()
        if saved is not None:
            messages.success(request, f"Saved: {saved}")
            return None
    context = {"form": form, "heading": heading, "back": back, "button_text": button}
    status = 409 if form.stale else 400 if form.errors else 200
    return render(request, "strategy/record_form.jinja", context, status=status)


def _saved(request: HttpRequest, form: VersionedFormMixin, **kwargs: Any) -> HttpResponse:
    page = _form_page(request, form, **kwargs)
    return page if page is not None else redirect(form.instance.get_absolute_url())


# Strategies


@guard("plan.edit", Partnership, methods=("GET", "POST"))
def new_strategy(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    form = StrategyForm(request.POST or None, instance=Strategy(partnership=partnership))
    page = _form_page(request, form, heading="Add a strategy", back=None, button="Add")
    if page is not None:
        return page
    strategy = form.instance
    Plan.objects.create(strategy=strategy, title="Delivery plan")
    return redirect(strategy.get_absolute_url())


@guard("plan.edit", Strategy, methods=("GET", "POST"))
def edit_strategy(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    form = StrategyForm(request.POST or None, instance=strategy)
    return _saved(request, form, heading="Edit the strategy", back=strategy, button="Save")


# Plans and sub-plans


@guard("plan.edit", Strategy, methods=("GET", "POST"))
def new_plan(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    position = plan_editing.end_position(Plan, strategy)
    instance = Plan(strategy=strategy, position=position, kind=Plan.Kind.SUB_PLAN)
    form = PlanForm(request.POST or None, instance=instance)
    heading = "Add a plan or sub-plan"
    return _saved(request, form, heading=heading, back=strategy, button="Add")


@guard("plan.edit", Plan, methods=("GET", "POST"))
def edit_plan(request: HttpRequest, plan: Plan) -> HttpResponse:
    form = PlanForm(request.POST or None, instance=plan)
    return _saved(request, form, heading="Edit the plan", back=plan, button="Save")


# Themes


@guard("plan.edit", Plan, methods=("GET", "POST"))
def new_theme(request: HttpRequest, plan: Plan) -> HttpResponse:
    instance = Theme(plan=plan, position=plan_editing.end_position(Theme, plan))
    form = ThemeForm(request.POST or None, instance=instance, strategy=plan.strategy)
    return _saved(request, form, heading="Add a theme", back=plan, button="Add")


@guard("plan.edit", Theme, methods=("GET", "POST"))
def edit_theme(request: HttpRequest, theme: Theme) -> HttpResponse:
    plan_id = theme.plan_id
    form = ThemeForm(request.POST or None, instance=theme, strategy=theme.plan.strategy)
    if request.method == "POST" and form.is_valid() and form.cleaned_data["plan"].pk != plan_id:
        theme.position = plan_editing.end_position(Theme, form.cleaned_data["plan"])
    return _saved(request, form, heading="Edit the theme", back=theme, button="Save")


# Priorities


@guard("plan.edit", Theme, methods=("GET", "POST"))
def new_priority(request: HttpRequest, theme: Theme) -> HttpResponse:
    instance = Priority(theme=theme, position=plan_editing.end_position(Priority, theme))
    form = PriorityForm(request.POST or None, instance=instance, strategy=theme.plan.strategy)
    return _saved(request, form, heading="Add a priority", back=theme, button="Add")


@guard("plan.edit", Priority, methods=("GET", "POST"))
def edit_priority(request: HttpRequest, priority: Priority) -> HttpResponse:
    theme_id = priority.theme_id
    strategy = priority.theme.plan.strategy
    form = PriorityForm(request.POST or None, instance=priority, strategy=strategy)
    if request.method == "POST" and form.is_valid() and form.cleaned_data["theme"].pk != theme_id:
        priority.position = plan_editing.end_position(Priority, form.cleaned_data["theme"])
    return _saved(request, form, heading="Edit the priority", back=priority, button="Save")


# Actions


@guard("plan.edit", Priority, methods=("GET", "POST"))
def new_action(request: HttpRequest, priority: Priority) -> HttpResponse:
    """Add an action to a priority; a valid form opens the new action's page."""
    instance = Action(priority=priority, position=plan_editing.end_position(Action, priority))
    strategy = priority.theme.plan.strategy
    form = ActionForm(
        request.POST or None, instance=instance, strategy=strategy, initial={"priority": priority}
    )
    return _saved(request, form, heading="Add an action", back=priority, button="Add")


def full_action_edit(request: HttpRequest, action: Action) -> HttpResponse:
    """Every field of the action, for administrators (called by the edit page)."""
    priority_id = action.priority_id
    strategy = action.priority.theme.plan.strategy
    form = ActionForm(request.POST or None, instance=action, strategy=strategy)
    moved = request.method == "POST" and form.is_valid()
    if moved and form.cleaned_data["priority"].pk != priority_id:
        action.position = plan_editing.end_position(Action, form.cleaned_data["priority"])
    heading = f"Edit {action.ref or 'the action'}"
    return _saved(request, form, heading=heading, back=action, button="Save")


# Moving and archiving, for every level


def _move(request: HttpRequest, obj: Any) -> HttpResponse:
    direction = request.POST.get("direction", "")
    if plan_editing.move(obj, direction):
        messages.success(request, f"Moved {direction}: {obj}")
    else:
        messages.info(request, f"{obj} is already at the {'top' if direction == 'up' else 'end'}.")
    return redirect(request.POST.get("next") or obj.get_absolute_url(), permanent=False)


def _archive(request: HttpRequest, obj: Any, parent: Any) -> HttpResponse:
    if request.method == "POST":
        obj.archive(request.user)
        messages.success(request, f"Archived: {obj}. Its updates and history are kept.")
        return redirect(parent.get_absolute_url() if parent is not None else "strategy:strategies")
    context = {"obj": obj, "kind": KIND_NAMES.get(type(obj), "action"), "parent": parent}
    return render(request, "strategy/archive_confirm.jinja", context)


@guard("plan.edit", Plan, methods=("POST",))
def move_plan(request: HttpRequest, plan: Plan) -> HttpResponse:
    return _move(request, plan)


@guard("plan.edit", Theme, methods=("POST",))
def move_theme(request: HttpRequest, theme: Theme) -> HttpResponse:
    return _move(request, theme)


@guard("plan.edit", Priority, methods=("POST",))
def move_priority(request: HttpRequest, priority: Priority) -> HttpResponse:
    return _move(request, priority)


@guard("plan.edit", Action, methods=("POST",))
def move_action(request: HttpRequest, action: Action) -> HttpResponse:
    return _move(request, action)


@guard("plan.edit", Strategy, methods=("GET", "POST"))
def archive_strategy(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    return _archive(request, strategy, None)


@guard("plan.edit", Plan, methods=("GET", "POST"))
def archive_plan(request: HttpRequest, plan: Plan) -> HttpResponse:
    return _archive(request, plan, plan.strategy)


@guard("plan.edit", Theme, methods=("GET", "POST"))
def archive_theme(request: HttpRequest, theme: Theme) -> HttpResponse:
    return _archive(request, theme, theme.plan)


@guard("plan.edit", Priority, methods=("GET", "POST"))
def archive_priority(request: HttpRequest, priority: Priority) -> HttpResponse:
    return _archive(request, priority, priority.theme)


@guard("plan.edit", Action, methods=("GET", "POST"))
def archive_action(request: HttpRequest, action: Action) -> HttpResponse:
    return _archive(request, action, action.priority)
