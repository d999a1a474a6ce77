"""The administrator's choice of what the public pages show (people's names)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.partnerships.forms import PublishingForm
from wellboard.partnerships.models import Partnership


@guard("directory.edit", Partnership, methods=("GET", "POST"))
def publishing(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    # An unticked box sends nothing, so a POST is bound even when empty.
    data = request.POST if request.method == "POST" else None
    form = PublishingForm(data, instance=partnership)
    if request.method == "POST" and form.is_valid():
        form.save()
        shown = "show" if partnership.publish_names else "do not show"
        messages.success(request, f"The public pages {shown} people's names.")
        return redirect("partnerships:overview", partnership.pk)
    context = {"partnership": partnership, "form": form}
    return render(
        request, "partnerships/publishing.jinja", context, status=400 if form.errors else 200
    )
