"""The partnership overview, organisation directory, people and working groups."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import can
from wellboard.partnerships.group_forms import PlaceForm, WorkingGroupForm
from wellboard.partnerships.models import (
    Organisation,
    Partnership,
    Person,
    WorkingGroup,
    WorkingGroupPlace,
)
from wellboard.strategy.models import ActionOrganisation
from wellboard.web.partnership_pages.viewer import viewer_for


@guard("partnership.view", Partnership)
def overview(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    viewer = viewer_for(request.user, partnership)
    context = {"viewer": viewer, "partnership": viewer.partnership}
    return render(request, "partnerships/overview.jinja", context)


@guard("partnership.view", Partnership)
def organisations(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    viewer = viewer_for(request.user, partnership)
    links = ActionOrganisation.objects.filter(action__in=viewer.actions())
    rows = viewer.partnership.organisations.select_related("parent").order_by("name")
    counts = dict(
        links.values("organisation").annotate(n=Count("id")).values_list("organisation", "n")
    )
    context = {
        "viewer": viewer,
        "partnership": viewer.partnership,
        "organisations": [(org, counts.get(org.pk, 0)) for org in rows],
        "terms": viewer.partnership.glossary.all(),
    }
    return render(request, "partnerships/organisations.jinja", context)


def _organisations() -> Any:
    return Organisation.objects.select_related("parent", "partnership")


@guard("partnership.view", Organisation, queryset=_organisations)
def organisation(request: HttpRequest, org: Organisation) -> HttpResponse:
    """Every action the organisation leads or supports, across all plans the user may see."""
    viewer = viewer_for(request.user, org.partnership)
    links = (
        ActionOrganisation.objects.filter(organisation=org, action__in=viewer.actions())
        .select_related("action__role_type")
        .with_strategy()
        .in_plan_order()
    )
    by_plan = [
        (plan, list(rows))
        for plan, rows in groupby(links, key=lambda link: link.action.priority.theme.plan)
    ]
    context = {
        "viewer": viewer,
        "partnership": viewer.partnership,
        "organisation": org,
        "by_plan": by_plan,
        "children": org.children.all(),
        "people": org.people.all() if can(request.user, "directory.people", org) else [],
        "terms": viewer.partnership.glossary.all(),
    }
    return render(request, "partnerships/organisation.jinja", context)


@guard("directory.people", Partnership)
def people(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    viewer = viewer_for(request.user, partnership)
    rows = (
        Person.objects.filter(partnership=viewer.partnership)
        .select_related("organisation")
        .prefetch_related("boards")
        .order_by("name")
    )
    context = {"viewer": viewer, "partnership": viewer.partnership, "people": rows}
    return render(request, "partnerships/people.jinja", context)


@guard({"GET": "directory.groups", "POST": "directory.edit"}, Partnership)
def working_groups(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    viewer = viewer_for(request.user, partnership)
    form = WorkingGroupForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        group = form.save()
        messages.success(request, f"Added the working group {group.name}.")
        return redirect("partnerships:group", partnership.pk, group.pk)
    vacant = Q(places__person__isnull=True) | Q(places__confirmed=False)
    groups = viewer.partnership.working_groups.select_related("reports_to").annotate(
        place_count=Count("places", distinct=True),
        open_count=Count("places", filter=vacant, distinct=True),
        action_count=Count("actions", distinct=True),
    )
    context = {"viewer": viewer, "partnership": viewer.partnership, "groups": groups, "form": form}
    status = 400 if form.errors else 200
    return render(request, "partnerships/working_groups.jinja", context, status=status)


@guard({"GET": "directory.groups", "POST": "directory.edit"}, Partnership)
def working_group(request: HttpRequest, partnership: Partnership, group_pk: int) -> HttpResponse:
    """The group, its places and actions; administrators add places and edit the group."""
    viewer = viewer_for(request.user, partnership)
    places = WorkingGroupPlace.objects.select_related("organisation", "person")
    group = get_object_or_404(
        WorkingGroup.objects.select_related("reports_to").prefetch_related(
            Prefetch("places", queryset=places)
        ),
        pk=group_pk,
        partnership=viewer.partnership,
    )
    actions = group.actions.filter(pk__in=viewer.actions()).with_plan()
    context = {
        "viewer": viewer,
        "partnership": viewer.partnership,
        "group": group,
        "actions": actions,
        "terms": viewer.partnership.glossary.all(),
    }
    edit = request.POST.get("form") == "group"
    group_form = WorkingGroupForm(
        request.POST if edit else None, instance=group, partnership=partnership
    )
    place_form = PlaceForm(request.POST if not edit and request.POST else None, group=group)
    if request.method == "POST":
        saved = group_form.is_valid() and group_form.save_or_report() if edit else (
            place_form.is_valid() and place_form.save()
        )  # fmt: skip
        if saved:
            messages.success(request, "The working group has been saved.")
            return redirect("partnerships:group", partnership.pk, group.pk)
    context |= {"group_form": group_form, "place_form": place_form}
    status = 409 if group_form.stale else 400 if request.method == "POST" else 200
    return render(request, "partnerships/working_group.jinja", context, status=status)
