"""Indicator pages: one indicator, its areas compared, a theme's outcomes spine, and the
upload of an indicator's local data (its partnership's administrators only)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import can, is_member, scoped
from wellboard.indicators.forms import LocalUploadForm
from wellboard.indicators.loaders import LoadError, LoadResult, load_local_csv
from wellboard.indicators.loaders.local import method_for_unit
from wellboard.indicators.models import Indicator
from wellboard.indicators.presenters import (
    area_chart,
    chosen_series,
    decimals_for,
    indicator_page,
)
from wellboard.indicators.summary import indicator_summary
from wellboard.strategy.models import Action, ActionIndicator, Theme


def _indicators() -> Any:
    return Indicator.objects.select_related("partnership", "catalogue_entry")


@guard("indicator.view")
def indicator_list(request: HttpRequest) -> HttpResponse:
    """The outcome indicators of the user's partnerships, and each theme's outcomes page.

    Read as values with only the columns shown, and each page's address reversed once:
    model instances with their partnership, catalogue entry, plan and strategy, and a
    reverse() per row, were most of the page's time."""
    indicators = (
        scoped(Indicator, request.user)
        .order_by("partnership", "code")
        .values(
            "pk", "name", "code", "target_text", "target", partnership_name=F("partnership__name")
        )
    )
    themes = scoped(Theme, request.user, Theme.objects.in_plan_order()).values(
        "pk", "title", plan_title=F("plan__title"), strategy_title=F("plan__strategy__title")
    )
    context = {
        "indicators": indicators,
        "themes": themes,
        "detail": address_around_id("indicators:detail"),
        "outcomes": address_around_id("indicators:theme_outcomes"),
    }
    return render(request, "indicators/list.jinja", context)


def address_around_id(name: str) -> tuple[str, str]:
    """The page's address before and after its id: reversed once, not once per row."""
    mark = 987654321
    before, _, after = reverse(name, args=[mark]).partition(str(mark))
    return before, after


@guard("indicator.view", Indicator, queryset=_indicators)
def indicator_detail(request: HttpRequest, indicator: Indicator) -> HttpResponse:
    key, choices = chosen_series(indicator, request.GET.get("series"))
    page = indicator_page(indicator, key, choices)
    # The series' values and home area are read once, for the chart, table and summary.
    read = list(page.values), (page.area_code, page.region_code)
    linked = ActionIndicator.objects.filter(action=OuterRef("pk"), indicator=indicator)
    actions = Action.objects.filter(Exists(linked)).only("ref", "title")
    if not is_member(request.user, indicator.partnership_id):
        actions = actions.published()
    context = {
        "indicator": indicator,
        "page": page,
        "summary": indicator_summary(indicator, key=key, read=read),
        "actions": actions,
        "decimals": decimals_for(indicator),
        "can_upload": can(request.user, "indicator.manage", indicator),
    }
    return render(request, "indicators/detail.jinja", context)


@guard("indicator.manage", Indicator, queryset=_indicators, methods=("GET", "POST"))
def indicator_upload(request: HttpRequest, indicator: Indicator) -> HttpResponse:
    implied = method_for_unit(indicator.effective_unit)
    initial = {"method": implied[0], "multiplier": implied[1]} if implied else {}
    form = LocalUploadForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        result = _load(form, indicator)
        if result is not None:
            messages.success(request, f"{form.file_name}: {result.summary()}.")
            return redirect("indicators:detail", indicator.pk)
    context = {"indicator": indicator, "form": form, "unit": indicator.effective_unit}
    return render(request, "indicators/upload.jinja", context, status=400 if form.errors else 200)


def _load(form: LocalUploadForm, indicator: Indicator) -> LoadResult | None:
    """The CLI's loader in one transaction; its one-line error (naming the row) goes on the
    form, and nothing is written."""
    data = form.cleaned_data
    try:
        with transaction.atomic():
            return load_local_csv(
                indicator=indicator,
                source=form.text_stream(),
                method=data["method"],
                multiplier=data["multiplier"],
            )
    except UnicodeDecodeError:
        form.add_error("file", f"{form.file_name}: the file is not UTF-8 text")
    except LoadError as exc:
        form.add_error("file", f"{form.file_name}: {str(exc).splitlines()[0]}")
    return None


@guard("indicator.view", Indicator, queryset=_indicators)
def indicator_areas(request: HttpRequest, indicator: Indicator) -> HttpResponse:
    chart, period = area_chart(indicator, request.GET.get("period") or None)
    context = {"indicator": indicator, "chart": chart, "period": period}
    return render(request, "indicators/areas.jinja", context)


@guard("theme.outcomes", Theme)
def theme_outcomes(request: HttpRequest, theme: Theme) -> HttpResponse:
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
