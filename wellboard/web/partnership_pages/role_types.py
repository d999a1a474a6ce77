"""The partnership's role types: members read them, administrators add, edit, reorder,
remove unused ones, or switch to a ready-made set (wellboard/partnerships/role_types.py)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.partnerships.models import Partnership
from wellboard.partnerships.role_type_forms import PresetForm, RoleTypeForm
from wellboard.partnerships.role_types import RoleType, switch_to_preset
from wellboard.web.partnership_pages.viewer import viewer_for


def _page(
    request: HttpRequest,
    partnership: Partnership,
    form: RoleTypeForm,
    preset_form: PresetForm,
    status: int = 200,
) -> HttpResponse:
    context = {
        "viewer": viewer_for(request.user, partnership),
        "partnership": partnership,
        "role_types": partnership.role_types.annotate(action_count=Count("actions")),
        "form": form,
        "preset_form": preset_form,
    }
    return render(request, "partnerships/role_types.jinja", context, status=status)


@guard({"GET": "directory.view", "POST": "directory.edit"}, Partnership)
def role_types(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    form = RoleTypeForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        added = form.save()
        messages.success(request, f"Added the role type {added.name}.")
        return redirect("partnerships:role_types", partnership.pk)
    return _page(request, partnership, form, PresetForm(), 400 if form.errors else 200)


@guard("directory.edit", Partnership, methods=("POST",))
def role_type_preset(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    form = PresetForm(request.POST)
    if not form.is_valid():
        return _page(request, partnership, RoleTypeForm(partnership=partnership), form, 400)
    kept = switch_to_preset(partnership.pk, form.cleaned_data["preset"])
    messages.success(request, "The role types have been switched.")
    if kept:
        names = ", ".join(t.name for t in kept)
        messages.info(request, f"Still given to actions, so kept for now: {names}.")
    return redirect("partnerships:role_types", partnership.pk)


@guard("directory.edit", RoleType, methods=("GET", "POST"))
def role_type_edit(request: HttpRequest, role_type: RoleType) -> HttpResponse:
    partnership = role_type.partnership
    form = RoleTypeForm(request.POST or None, instance=role_type, partnership=partnership)
    if request.method == "POST" and form.is_valid() and form.save_or_report():
        messages.success(request, f"Saved the role type {role_type.name}.")
        return redirect("partnerships:role_types", partnership.pk)
    status = 409 if form.stale else 400 if form.errors else 200
    context = {"partnership": partnership, "form": form, "role_type": role_type}
    return render(request, "partnerships/role_type_form.jinja", context, status=status)


@guard("directory.edit", RoleType, methods=("POST",))
def role_type_delete(request: HttpRequest, role_type: RoleType) -> HttpResponse:
    partnership_id = role_type.partnership_id
    if role_type.actions.exists():
        messages.error(
            request, f"{role_type.name} is given to actions: give them another role type first."
        )
    else:
        role_type.delete()
        messages.success(request, f"Removed the role type {role_type.name}.")
    return redirect("partnerships:role_types", partnership_id)
