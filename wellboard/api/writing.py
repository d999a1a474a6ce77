"""Writes go through the web's own forms and service functions, so an update or action
made through the API is validated, reviewed and recorded exactly like one made on a page
(and the change history names the token's user, as it names a signed-in one)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from rest_framework import exceptions

from wellboard.accounts.permissions import can
from wellboard.core.delivery import action_percent, suggested_rag
from wellboard.history.recorder import acting_as
from wellboard.strategy import plan_editing, proposals, services
from wellboard.strategy.delivery import action_state
from wellboard.strategy.forms import ActionEditForm, UpdateForm
from wellboard.strategy.models import Action, Priority, ProgressUpdate
from wellboard.strategy.plan_forms import ActionForm
from wellboard.strategy.presenters import today


class Stale(Exception):
    """Someone saved the action since the version the caller sent (412)."""

    def __init__(self, sent: int, current_version: int, changed: str = "") -> None:
        detail = (
            f"The action was saved by someone else since version {sent}, so nothing was "
            f"saved. It is now at version {current_version}: read it again, then send your "
            f'change with If-Match: "{current_version}".'
        )
        super().__init__(detail + (f" Changed since: {changed}." if changed else ""))
        self.current_version = current_version


def refused(error: DjangoValidationError | forms.BaseForm) -> exceptions.ValidationError:
    """A form's or a service's refusal as a 400 naming the fields."""
    if isinstance(error, forms.BaseForm):
        messages = {k: [str(m) for m in v] for k, v in error.errors.items()}
    elif hasattr(error, "error_dict"):
        messages = error.message_dict
    else:
        messages = {"non_field_errors": error.messages}
    return exceptions.ValidationError(
        {("non_field_errors" if k == "__all__" else k): v for k, v in messages.items()}
    )


def _form_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def add_update(action: Action, user: Any, data: dict[str, Any]) -> ProgressUpdate:
    """The "Add an update" page's steps: its form, the calendar's suggestion, the service."""
    form = UpdateForm({k: _form_value(v) for k, v in data.items()})
    if not form.is_valid():
        raise refused(form)
    clean = form.cleaned_data
    corrects = None
    if data.get("supersedes"):
        corrects = ProgressUpdate.objects.filter(action=action, pk=data["supersedes"]).first()
        if corrects is None:
            raise exceptions.ValidationError({"supersedes": ["Not an update of this action."]})
    state = action_state(action, today())
    given = clean["percent_complete"]
    percent = action_percent(given if given is not None else state.percent, clean["rag"])
    suggestion = suggested_rag(percent, action.due_start, action.due_end, clean["date"])
    try:
        with acting_as(user):
            return services.add_update(
                action=action,
                author=user,
                date=clean["date"],
                rag=clean["rag"],
                text=clean["text"],
                percent_complete=given,
                evidence_url=clean["evidence_url"],
                suggested_rag=suggestion,
                override_reason=clean["override_reason"],
                supersedes=corrects,
            )
    except DjangoValidationError as error:
        raise refused(error) from None


def create_action(priority: Priority, user: Any, data: dict[str, Any]) -> Action:
    """The administrators' "Add an action" form, filled from the request."""
    instance = Action(priority=priority, position=plan_editing.end_position(Action, priority))
    strategy = priority.theme.plan.strategy
    blank = ActionForm(instance=instance, strategy=strategy)  # the form's defaults
    start = {name: blank.initial.get(name) for name in blank.fields}
    form = ActionForm(_action_data(start, data), instance=instance, strategy=strategy)
    return _save_action_form(form, user, 0)


def edit_action(action: Action, user: Any, version: int, data: dict[str, Any]) -> list[str]:
    """Edit as the edit page would for this user: every field for those who may build the
    plan, else the lead officer's fields (due date and outcome changes waiting for approval
    where the strategy says). Returns the fields left waiting for approval."""
    if can(user, "plan.edit", action):
        _full_edit(action, user, version, data)
        return []
    allowed = set(services.EDITABLE_ACTION_FIELDS)
    if set(data) - allowed:
        others = ", ".join(sorted(set(data) - allowed))
        raise exceptions.PermissionDenied(
            f"Your role may change only {', '.join(services.EDITABLE_ACTION_FIELDS)} of this "
            f"action, not {others}."
        )
    return _lead_edit(action, user, version, data)


def _full_edit(action: Action, user: Any, version: int, data: dict[str, Any]) -> None:
    strategy = action.priority.theme.plan.strategy
    current = ActionForm(instance=action, strategy=strategy)
    start = {name: current.initial.get(name) for name in current.fields}
    form = ActionForm(
        {**_action_data(start, data), "version": version}, instance=action, strategy=strategy
    )
    if form.is_valid() and form.cleaned_data["priority"].pk != action.priority_id:
        action.position = plan_editing.end_position(Action, form.cleaned_data["priority"])
    _save_action_form(form, user, version)


def _action_data(start: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    merged = {k: _form_value(v) for k, v in {**start, **data}.items()}
    merged.pop("version", None)
    return merged


def _save_action_form(form: ActionForm, user: Any, version: int) -> Action:
    if not form.is_valid():
        raise refused(form)
    with transaction.atomic(), acting_as(user):
        saved = form.save_or_report()
    if saved is None:
        raise Stale(version, Action.objects.get(pk=form.instance.pk).version)
    return saved


def _lead_edit(action: Action, user: Any, version: int, data: dict[str, Any]) -> list[str]:
    current = {
        name: services.editable_value(action, name) for name in services.EDITABLE_ACTION_FIELDS
    }
    posted = {**current, **{k: _form_value(v) for k, v in data.items()}}
    originals = {f"original_{k}": v for k, v in current.items()}
    form = ActionEditForm({**posted, **originals, "version": version}, action=action)
    if not form.is_valid():
        raise refused(form)
    now, waiting = proposals.split_values(action, user, form.values())
    try:
        with transaction.atomic(), acting_as(user):
            services.edit_action(
                action_id=action.pk, version=version, original=form.original(), values=now
            )
            if waiting:
                proposals.propose(action=action, user=user, changes=waiting)
    except services.StaleEdit as error:
        changed = ", ".join(name.replace("_", " ") for name in error.changes)
        raise Stale(version, error.current.version, changed) from None
    except DjangoValidationError as error:
        raise refused(error) from None
    return sorted(waiting)
