from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wellboard.strategy.models import Plan, Strategy, Theme


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Public home page: the published strategies and the themes of their main plans."""
    plans = Plan.objects.prefetch_related(
        Prefetch("themes", queryset=Theme.objects.select_related("lead_member"))
    )
    strategies = (
        Strategy.objects.filter(published=True)
        .select_related("partnership")
        .prefetch_related(Prefetch("plans", queryset=plans))
    )
    return render(request, "web/home.jinja", {"strategies": strategies})


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
