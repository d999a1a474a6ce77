"""The partnership overview, organisation directory, people and working groups."""

from __future__ import annotations

from itertools import groupby

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from wellboard.partnerships.access import (
    MEMBERS,
    organisation_viewer,
    partnership_viewer,
)
from wellboard.partnerships.models import Person, WorkingGroup, WorkingGroupPlace
from wellboard.strategy.models import ActionOrganisation


@require_GET
def overview(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = partnership_viewer(request.user, pk)
    context = {"viewer": viewer, "partnership": viewer.partnership}
    return render(request, "partnerships/overview.jinja", context)


@require_GET
def organisations(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = partnership_viewer(request.user, pk)
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


@require_GET
def organisation(request: HttpRequest, pk: int) -> HttpResponse:
    """Every action the organisation leads or supports, across all plans the user may see."""
    org, viewer = organisation_viewer(request.user, pk)
    links = (
        ActionOrganisation.objects.filter(organisation=org, action__in=viewer.actions())
        .select_related("action__priority__theme__plan__strategy")
        .order_by(
            "action__priority__theme__plan__strategy_id",
            "action__priority__theme__plan__position",
            "action__priority__theme__plan_id",
            "action__priority__theme__position",
            "action__priority__position",
            "action__position",
            "action_id",
        )
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
        "people": org.people.all() if viewer.is_member else [],
        "terms": viewer.partnership.glossary.all(),
    }
    return render(request, "partnerships/organisation.jinja", context)


@require_GET
def people(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = partnership_viewer(request.user, pk, MEMBERS)
    rows = (
        Person.objects.filter(partnership=viewer.partnership)
        .select_related("organisation")
        .prefetch_related("boards")
        .order_by("name")
    )
    context = {"viewer": viewer, "partnership": viewer.partnership, "people": rows}
    return render(request, "partnerships/people.jinja", context)


@require_GET
def working_groups(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = partnership_viewer(request.user, pk, MEMBERS)
    groups = viewer.partnership.working_groups.select_related("reports_to").annotate(
        place_count=Count("places", distinct=True), action_count=Count("actions", distinct=True)
    )
    context = {"viewer": viewer, "partnership": viewer.partnership, "groups": groups}
    return render(request, "partnerships/working_groups.jinja", context)


@require_GET
def working_group(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    viewer = partnership_viewer(request.user, pk, MEMBERS)
    places = WorkingGroupPlace.objects.select_related("organisation", "person")
    group = get_object_or_404(
        WorkingGroup.objects.select_related("reports_to").prefetch_related(
            Prefetch("places", queryset=places)
        ),
        pk=group_pk,
        partnership=viewer.partnership,
    )
    actions = group.actions.filter(pk__in=viewer.actions()).select_related("priority__theme__plan")
    context = {
        "viewer": viewer,
        "partnership": viewer.partnership,
        "group": group,
        "actions": actions,
        "terms": viewer.partnership.glossary.all(),
    }
    return render(request, "partnerships/working_group.jinja", context)
