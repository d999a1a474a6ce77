"""The duplication finder: suspected pairs, merged or marked intended by the policy officer."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.partnerships.models import Partnership
from wellboard.strategy.duplicate_forms import PairForm, ThresholdForm
from wellboard.strategy.duplicates import duplicate_pairs, mark_intended, merge_actions
from wellboard.web.partnership_pages.viewer import viewer_for


@guard("duplicates.find", Partnership)
def duplicates(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    viewer = viewer_for(request.user, partnership)
    strategies = list(viewer.strategies().order_by("-period_start", "title"))
    data = request.GET.copy()
    if strategies:
        data.setdefault("strategy", str(strategies[0].pk))
    data.setdefault("min_similarity", "0.85")
    form = ThresholdForm(data, strategies=strategies)
    pairs = []
    if form.is_valid():
        strategy = next(s for s in strategies if s.pk == form.cleaned_data["strategy"])
        pairs = duplicate_pairs(strategy, min_similarity=form.cleaned_data["min_similarity"])
    context = {
        "viewer": viewer,
        "partnership": viewer.partnership,
        "form": form,
        "pairs": pairs,
        "merges": viewer.partnership.action_merges.all()[:10],
        "terms": viewer.partnership.glossary.all(),
    }
    return render(
        request, "partnerships/duplicates.jinja", context, status=400 if form.errors else 200
    )


def _back(request: HttpRequest, pk: int) -> HttpResponse:
    """Back to the list the officer was working through."""
    response = redirect("partnerships:duplicates", pk)
    strategy = request.POST.get("strategy", "")
    if strategy.isdigit():
        response["Location"] += f"?strategy={strategy}"
    return response


@guard("duplicates.decide", Partnership, methods=("POST",))
def merge(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    viewer = viewer_for(request.user, partnership)
    form = PairForm(request.POST, partnership=viewer.partnership)
    if not form.is_valid() or form.cleaned_data["keep"] not in ("first", "second"):
        messages.error(request, "The merge was not made: choose which action to keep.")
        return _back(request, partnership.pk)
    first, second = form.cleaned_data["first_action"], form.cleaned_data["second_action"]
    kept, removed = (first, second) if form.cleaned_data["keep"] == "first" else (second, first)
    try:
        record = merge_actions(
            partnership=viewer.partnership,
            kept=kept,
            removed=removed,
            user=request.user,
            similarity=form.cleaned_data.get("similarity"),
        )
    except ValidationError as exc:  # e.g. another administrator merged the pair meanwhile
        messages.error(request, f"The merge was not made: {' '.join(exc.messages)}")
        return _back(request, partnership.pk)
    messages.success(request, f"Merged into {record.kept_ref or record.kept_title}.")
    return _back(request, partnership.pk)


@guard("duplicates.decide", Partnership, methods=("POST",))
def intended(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    viewer = viewer_for(request.user, partnership)
    form = PairForm(request.POST, partnership=viewer.partnership)
    if not form.is_valid():
        messages.error(request, "Nothing was recorded: the pair was not found.")
        return _back(request, partnership.pk)
    mark_intended(
        partnership=viewer.partnership,
        first=form.cleaned_data["first_action"],
        second=form.cleaned_data["second_action"],
        user=request.user,
    )
    messages.success(request, "Marked as intended: the pair will not be suggested again.")
    return _back(request, partnership.pk)
