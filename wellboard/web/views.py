from __future__ import annotations

from django.db import DatabaseError, connection
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import memberships
from wellboard.consultations.models import Consultation
from wellboard.consultations.services import public_consultations
from wellboard.partnerships.names import shows_names
from wellboard.rounds.status import open_rounds_for
from wellboard.strategy.models import Plan, Strategy, Theme
from wellboard.strategy.presenters import today
from wellboard.tasks.health import queue_problem
from wellboard.web.dashboard import dashboard

CONSULTATION_SHOWN = ("title", "status", "opens", "closes", "strategy__partnership__name")


@guard(signed_in=False)
def home(request: HttpRequest) -> HttpResponse:
    """A member's dashboard; for everyone else, the published strategies."""
    if request.user.is_authenticated and memberships(request.user):
        context = {
            "board": dashboard(request.user, today()),
            "open_rounds": open_rounds_for(request.user),
            "consultations": _members_consultations(request.user),
        }
        return render(request, "web/dashboard.jinja", context)
    plans = Plan.objects.active().prefetch_related(
        Prefetch("themes", queryset=Theme.objects.select_related("lead_member"))
    )
    strategies = (
        Strategy.objects.published()
        .active()
        .select_related("partnership")
        .prefetch_related(Prefetch("plans", queryset=plans))
    )
    named = {s.partnership_id for s in strategies if shows_names(request.user, s.partnership)}
    current, past = public_consultations()
    context = {"strategies": strategies, "named": named, "consultations": current, "past": past}
    return render(request, "web/home.jinja", context)


def _members_consultations(user: object) -> list[Consultation]:
    """The public consultations of the member's own partnerships, open ones first: those
    `public_consultations` gives, in its order, read in one query with only the columns
    the list shows (not each consultation's texts, strategy and partnership rows, which
    were a fifth of the dashboard's time)."""
    today = timezone.localdate()
    found = list(
        Consultation.objects.exclude(status=Consultation.Status.DRAFT)
        .filter(strategy__partnership_id__in=list(memberships(user)))
        .select_related("strategy__partnership")
        .only(*CONSULTATION_SHOWN)
    )
    current = [c for c in found if c.status == Consultation.Status.OPEN and c.closes >= today]
    current.sort(key=lambda c: (c.closes, c.pk))
    taken = {c.pk for c in current}
    past = [c for c in found if c.pk not in taken]
    past.sort(key=lambda c: (c.closes, c.pk), reverse=True)
    return [*current, *past]


@guard(signed_in=False)
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers and monitoring: 200 "ok", or 503 with a one-line reason."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return _health("database unavailable", 503)
    problem = queue_problem()
    if problem is not None:
        return _health(problem, 503)
    return _health("ok", 200)


def _health(text: str, status: int) -> HttpResponse:
    response = HttpResponse(text, content_type="text/plain; charset=utf-8", status=status)
    response["Cache-Control"] = "no-store"
    return response
