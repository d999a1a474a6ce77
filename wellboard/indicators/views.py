"""Indicator pages: one indicator, its areas compared, a theme's outcomes spine, and the
upload of an indicator's local data (its partnership's administrators only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from wellboard.accounts.permissions import memberships
from wellboard.indicators.access import (
    indicator_for,
    indicator_to_manage,
    may_manage,
    theme_for,
)
from wellboard.indicators.forms import LocalUploadForm
from wellboard.indicators.loaders import LoadError, LoadResult, load_local_csv
from wellboard.indicators.loaders.local import method_for_unit
from wellboard.indicators.models import Indicator
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
        "can_upload": may_manage(request.user, indicator),
    }
    return render(request, "indicators/detail.jinja", context)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_upload(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = indicator_to_manage(request.user, pk)
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
