"""Indicator pages: one indicator, its areas compared, and a theme's outcomes spine."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wellboard.accounts.permissions import memberships
from wellboard.indicators.access import indicator_for, theme_for
from wellboard.indicators.presenters import area_chart, decimals_for, indicator_page
from wellboard.indicators.summary import indicator_summary
from wellboard.strategy.models import Action


@require_GET
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = indicator_for(request.user, pk)
    page = indicator_page(indicator)
    actions = (
        Action.objects.filter(indicator_links__indicator=indicator)
        .select_related("priority__theme__plan__strategy")
        .distinct()
    )
    if indicator.partnership_id not in memberships(request.user):
        actions = actions.filter(priority__theme__plan__strategy__published=True)
    context = {
        "indicator": indicator,
        "page": page,
        "summary": indicator_summary(indicator),
        "actions": actions,
        "decimals": decimals_for(indicator),
    }
    return render(request, "indicators/detail.jinja", context)


@require_GET
def indicator_areas(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = indicator_for(request.user, pk)
    chart, period = area_chart(indicator, request.GET.get("period") or None)
    context = {"indicator": indicator, "chart": chart, "period": period}
    return render(request, "indicators/areas.jinja", context)


@require_GET
def theme_outcomes(request: HttpRequest, pk: int) -> HttpResponse:
    theme = theme_for(request.user, pk)
    links = theme.indicator_links.select_related("indicator__catalogue_entry").order_by(
        "position", "id"
    )
    summaries = [indicator_summary(link.indicator) for link in links]
    context = {
        "theme": theme,
        "summaries": summaries,
        "decimals_for": decimals_for,
    }
    return render(request, "indicators/theme_outcomes.jinja", context)
