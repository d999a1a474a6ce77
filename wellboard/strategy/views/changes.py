"""Pages that change things: add an update, review it, edit an action, comment, settings."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import can
from wellboard.core.delivery import action_percent, suggested_rag
from wellboard.strategy import proposals, services
from wellboard.strategy.delivery_current import current_state
from wellboard.strategy.forms import (
    ActionEditForm,
    CommentForm,
    ReviewForm,
    StrategySettingsForm,
    UpdateForm,
    WeightsForm,
)
from wellboard.strategy.models import Action, Priority, ProgressUpdate, Strategy, Theme
from wellboard.strategy.presenters import today
from wellboard.strategy.views.actions import action_detail_queryset, render_action
from wellboard.strategy.views.editing import full_action_edit


def _add_errors(form: object, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)  # type: ignore[attr-defined]
    else:
        form.add_error(None, error.messages)  # type: ignore[attr-defined]


def _suggestion(action: Action, data: dict[str, object], current_percent: int) -> str:
    """What the calendar suggests for the percent being reported, on the update's date."""
    given = data["percent_complete"]
    percent = action_percent(given if isinstance(given, int) else current_percent, str(data["rag"]))
    on = data["date"]
    assert isinstance(on, dt.date)
    return suggested_rag(percent, action.due_start, action.due_end, on)


def update_form_queryset() -> QuerySet[Action]:
    """What the update form and its submission read of the action: its kept delivery and
    its milestones (the guard adds the path to its strategy). Not the action page's
    links, comments and whole timeline: four to eight queries it never showed."""
    return Action.objects.select_related("current_update").prefetch_related("milestones")


def _previous(action: Action) -> ProgressUpdate | None:
    """The newest update of the action, counted or not, in the timeline's order."""
    return ProgressUpdate.objects.filter(action=action).order_by("-date", "-id").first()


@guard("action.update", Action, queryset=update_form_queryset, methods=("GET", "POST"))
def add_update(request: HttpRequest, action: Action) -> HttpResponse:
    state = current_state(action, today())
    milestones = [m for m in action.milestones.all() if m.done_on is None]
    corrects = _corrected(action, request.POST.get("supersedes") or request.GET.get("corrects"))
    if request.method == "POST":
        form = UpdateForm(request.POST, milestones=milestones)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.add_update(
                    action=action,
                    author=request.user,
                    date=data["date"],
                    rag=data["rag"],
                    text=data["text"],
                    percent_complete=data["percent_complete"],
                    evidence_url=data["evidence_url"],
                    suggested_rag=_suggestion(action, data, state.percent),
                    override_reason=data["override_reason"],
                    milestone_dates=[
                        services.NewMilestone(m, d) for m, d in form.milestone_dates()
                    ],
                    supersedes=corrects,
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, "Your update has been added.")
                return redirect(action.get_absolute_url())
    previous = _previous(action)  # not read when the update was added
    if request.method != "POST":
        copy = request.GET.get("copy") == "1" and previous is not None
        initial = {
            "date": today(),
            "rag": state.suggested or (previous.rag if previous else ""),
            "percent_complete": state.percent,
            "text": previous.text if copy and previous else "",
        }
        if corrects is not None:
            initial |= _correction_initial(corrects)
        form = UpdateForm(initial=initial, milestones=milestones)
    context = {
        "action": action,
        "state": state,
        "form": form,
        "previous": previous,
        "corrects": corrects,
    }
    return render(request, "strategy/update_form.jinja", context)


def _corrected(action: Action, raw: str | None) -> ProgressUpdate | None:
    """The update of this action being corrected, from the form or the link; None if the
    id is not one of this action's updates."""
    if not raw or not str(raw).isdigit():
        return None
    return ProgressUpdate.objects.filter(action=action, pk=int(raw)).first()


def _correction_initial(update: ProgressUpdate) -> dict[str, object]:
    """The form starts from the update being corrected, so only the mistake is changed."""
    return {
        "date": update.date or today(),
        "rag": update.rag,
        "text": update.text,
        "percent_complete": update.percent_complete,
        "evidence_url": update.evidence_url,
        "supersedes": update.pk,
    }


@guard("update.review", ProgressUpdate, methods=("GET", "POST"))
def review_update(request: HttpRequest, update: ProgressUpdate) -> HttpResponse:
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_update(
                update=update,
                reviewer=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, "The review has been recorded.")
            return redirect(update.action.get_absolute_url())
    return render(request, "strategy/review_form.jinja", {"update": update, "form": form})


@guard("action.edit", Action, methods=("GET", "POST"))
def edit_action(request: HttpRequest, action: Action) -> HttpResponse:
    """Administrators edit every field; a lead officer the fields leads may edit, with
    changes to the due date and outcome measures waiting for approval where required."""
    if can(request.user, "plan.edit", action):
        return full_action_edit(request, action)
    stale: services.StaleEdit | None = None
    if request.method == "POST":
        form = ActionEditForm(request.POST, action=action)
        if form.is_valid():
            now, waiting = proposals.split_values(action, request.user, form.values())
            try:
                services.edit_action(
                    action_id=action.pk,
                    version=form.cleaned_data["version"],
                    original=form.original(),
                    values=now,
                )
                if waiting:
                    proposals.propose(action=action, user=request.user, changes=waiting)
                    messages.info(
                        request,
                        "Your change to the due date or outcome measures waits for an "
                        "administrator's approval.",
                    )
            except services.StaleEdit as error:
                stale = error
                form = ActionEditForm(
                    {**request.POST.dict(), "version": error.current.version,
                     **{f"original_{k}": v for k, v in _current(error.current).items()}},
                    action=action,
                )  # fmt: skip
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, "The action has been saved.")
                return redirect(action.get_absolute_url())
    else:
        form = ActionEditForm.for_action(action)
    status = 409 if stale else 200
    context = {"action": action, "form": form, "stale": stale}
    return render(request, "strategy/action_edit.jinja", context, status=status)


def _current(action: Action) -> dict[str, object]:
    return {name: services.editable_value(action, name) for name in services.EDITABLE_ACTION_FIELDS}


@guard("action.comment", Action, methods=("POST",))
def comment(request: HttpRequest, action: Action) -> HttpResponse:
    form = CommentForm(request.POST)
    if form.is_valid():
        proposal = can(request.user, "action.propose", action) and "propose" in request.POST
        services.add_comment(
            action=action, author=request.user, text=form.cleaned_data["text"], proposal=proposal
        )
        messages.success(request, "Your comment has been added.")
        return redirect(action.get_absolute_url() + "#comments")
    # Refused (empty, or over the limit): the page again with the reason and the text.
    return render_action(request, action_detail_queryset().get(pk=action.pk), form, status=400)


@guard("strategy.manage", Strategy, methods=("GET", "POST"))
def strategy_settings(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    plan = strategy.main_plan
    objects: list[Theme | Priority] = []
    if plan is not None:
        for theme in Theme.objects.filter(plan=plan).prefetch_related("priorities"):
            objects.extend([theme, *theme.priorities.all()])
    settings_form = StrategySettingsForm(request.POST or None, instance=strategy, prefix="s")
    weights_form = WeightsForm(request.POST or None, objects=objects, prefix="w")
    if request.method == "POST" and settings_form.is_valid() and weights_form.is_valid():
        try:
            # Both or neither: settings saved without their weights would be half an answer.
            with transaction.atomic():
                saved = settings_form.save_or_report()
                if saved is not None:
                    services.set_weights(weights=weights_form.weights())
        except ValidationError as error:
            saved = None
            _add_errors(weights_form, error)
        if saved is not None:
            messages.success(request, "Settings saved.")
            return redirect(strategy.get_absolute_url())
    context = {"strategy": strategy, "settings_form": settings_form, "weights_form": weights_form}
    return render(request, "strategy/settings.jinja", context)
