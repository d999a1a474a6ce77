"""The partnership's glossary, the acronyms its organisations use without a definition."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.partnerships.forms import GlossaryTermForm
from wellboard.partnerships.glossary import unknown_acronyms
from wellboard.partnerships.models import Organisation, Partnership
from wellboard.strategy.models import ActionOrganisation
from wellboard.web.partnership_pages.viewer import viewer_for


@guard({"GET": "partnership.view", "POST": "glossary.edit"}, Partnership)
def glossary(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    viewer = viewer_for(request.user, partnership)
    form = GlossaryTermForm(
        request.POST or None, partnership=partnership, initial={"term": request.GET.get("term")}
    )
    if request.method == "POST" and form.is_valid():
        term = form.save()
        messages.success(request, f"{term.term} added to the glossary.")
        return redirect("partnerships:glossary", partnership.pk)
    terms = list(partnership.glossary.order_by("term"))
    linked = ActionOrganisation.objects.filter(action__in=viewer.actions()).values("organisation")
    organisations = Organisation.objects.filter(pk__in=linked).order_by("name")
    context = {
        "viewer": viewer,
        "partnership": partnership,
        "terms": terms,
        "unknown": unknown_acronyms(organisations, (t.term for t in terms)),
        "form": form,
    }
    return render(
        request, "partnerships/glossary.jinja", context, status=400 if form.errors else 200
    )
