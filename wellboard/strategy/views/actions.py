"""The action page and the filtered action list (and its CSV); "my actions" is in
my_actions.py."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import can
from wellboard.history.recorder import history_for
from wellboard.partnerships.models import GlossaryTerm
from wellboard.strategy.action_links import action_links
from wellboard.strategy.delivery_current import current_state
from wellboard.strategy.forms import CommentForm
from wellboard.strategy.list_filters import filter_options
from wellboard.strategy.listing import ActionFilters, csv_response
from wellboard.strategy.models import (
    Action,
    ActionComment,
    DeliveryStatus,
    ProgressUpdate,
)
from wellboard.strategy.presenters import today

STATUSES = [*DeliveryStatus.choices, ("stale", "No update for 90 days")]


def action_detail_queryset() -> QuerySet[Action]:
    """The action with the records its page shows (its links: `action_links`)."""
    timeline = ProgressUpdate.objects.select_related("review", "supersedes").order_by(
        "-date", "-id"
    )
    comments = ActionComment.objects.select_related("author", "decision__decided_by")
    fetched: list[Any] = [
        "milestones",
        Prefetch("comments", comments),
        Prefetch("updates", queryset=timeline, to_attr="timeline"),
    ]
    return Action.objects.select_related(
        "lead_officer", "lead_officer__organisation", "role_type", "current_update"
    ).prefetch_related(*fetched)


@guard("action.view", Action, queryset=action_detail_queryset)
def action_detail(request: HttpRequest, action: Action) -> HttpResponse:
    return render_action(request, action)


def render_action(
    request: HttpRequest, action: Action, comment_form: CommentForm | None = None, status: int = 200
) -> HttpResponse:
    """The action page; with a refused comment form, its errors and the text written."""
    user = request.user
    context = {
        "action": action,
        "links": action_links(action.pk),
        "state": current_state(action, today()),
        "strategy": action.priority.theme.plan.strategy,
        "can_update": can(user, "action.update", action),
        "can_edit": can(user, "action.edit", action),
        "can_build": can(user, "plan.edit", action),
        "can_propose": can(user, "action.propose", action),
        "can_review": can(user, "update.review", action.priority.theme.plan.strategy),
        "comment_form": comment_form or CommentForm(),
        "history": history_for(action),
        # Acronyms the partnership's glossary defines are shown as <abbr> with the meaning.
        "terms": GlossaryTerm.objects.filter(
            partnership_id=action.priority.theme.plan.strategy.partnership_id
        ),
    }
    return render(request, "strategy/action.jinja", context, status=status)


def _selects(request: HttpRequest, filters: ActionFilters) -> list[tuple[object, ...]]:
    """(name, label, choices, current) for each drop-down filter (strategy/list_filters.py)."""
    strategies, themes, boards, organisations, role_types = filter_options(request.user)
    return [
        ("strategy", "Strategy", strategies, filters.strategy),
        ("theme", "Theme", themes, filters.theme),
        ("board", "Governance board", boards, filters.board),
        ("lead", "Lead organisation", organisations, filters.lead),
        ("role", "Role type", role_types, filters.role_type),
        ("status", "Status", STATUSES, filters.status),
    ]


def _query(request: HttpRequest, **changes: object) -> str:
    """The list's query string with the filters kept and `changes` made."""
    query = request.GET.copy()
    for name in ("format", "page"):
        query.pop(name, None)
    for name, value in changes.items():
        query[name] = str(value)
    return query.urlencode()


@guard()
def action_list(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    filters, errors = ActionFilters.from_query(request.GET)
    on = today()
    if request.GET.get("format") == "csv":
        base_url = request.build_absolute_uri("/").rstrip("/")
        return csv_response(filters.states(request.user, on), base_url)
    page = filters.page(request.user, on, request.GET.get("page"))
    context = {
        "states": page.object_list,
        "page": page,
        "previous_query": _query(request, page=page.number - 1) if page.has_previous() else "",
        "next_query": _query(request, page=page.number + 1) if page.has_next() else "",
        "filters": filters,
        "errors": errors,
        "csv_query": _query(request, format="csv"),
        "selects": _selects(request, filters),
    }
    template = (
        "strategy/_action_rows.jinja"
        if request.headers.get("HX-Request")
        else "strategy/action_list.jinja"
    )
    return render(request, template, context)
