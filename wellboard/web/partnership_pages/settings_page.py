"""The administrator's settings page: one place that leads to everything they set up."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wellboard.accounts.guards import guard
from wellboard.partnerships.models import Partnership
from wellboard.strategy.models import Strategy


@guard("partnership.manage", Partnership)
def settings(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    strategies = Strategy.objects.in_partnership(partnership)
    context = {"partnership": partnership, "strategies": strategies}
    return render(request, "partnerships/settings.jinja", context)
