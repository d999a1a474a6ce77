"""The partnership's reporting area: the local authority and region its indicators are for.

Members see it; administrators set it here rather than only through
`indicators load-fingertips --area`, so a partnership set up in the app can choose whose
rows its indicator pages show beside England's.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.indicators.forms import ReportingAreaForm
from wellboard.indicators.models import IndicatorValue, ReportingArea
from wellboard.partnerships.models import Partnership
from wellboard.web.partnership_pages.viewer import viewer_for


@guard({"GET": "directory.view", "POST": "directory.edit"}, Partnership)
def reporting_area(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    viewer = viewer_for(request.user, partnership)
    area = ReportingArea.objects.filter(partnership=partnership).first()
    instance = area or ReportingArea(partnership=partnership)
    form = ReportingAreaForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"Reporting area saved: {saved.area_name or saved.area_code}.")
        return redirect("partnerships:reporting_area", partnership.pk)
    values = IndicatorValue.objects.filter(indicator__partnership=partnership)
    context = {
        "viewer": viewer,
        "partnership": partnership,
        "area": area,
        "form": form,
        "area_values": values.filter(area_code=area.area_code).count() if area else 0,
    }
    status = 400 if form.errors else 200
    return render(request, "partnerships/reporting_area.jinja", context, status=status)
