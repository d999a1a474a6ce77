"""The versions of a strategy's text: the list, "save a version", and two side by side.

Members read them (the text of an unpublished draft is the partnership's own); only
administrators save one. The comparison is core/text_compare.py's pieces of plain text,
which the template escapes and wraps in <del>/<ins>: nothing typed becomes markup.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import can
from wellboard.core.text_compare import compare
from wellboard.strategy.models import Strategy
from wellboard.strategy.version_forms import CompareForm, SaveVersionForm
from wellboard.strategy.version_models import StrategyVersion
from wellboard.strategy.versions import save_version


@guard({"GET": "strategy.view", "POST": "strategy.manage"}, Strategy)
def version_list(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    form = SaveVersionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        version = save_version(strategy, request.user, form.cleaned_data["label"])
        messages.success(request, f"Saved the text as version {version.number}.")
        return redirect("strategy:versions", strategy.pk)
    versions = list(strategy.versions.select_related("created_by", "decision").order_by("-number"))
    context = {
        "strategy": strategy,
        "versions": versions,
        "form": form,
        "compare_form": CompareForm(versions=versions, initial=_default_pair(versions)),
        "can_save": can(request.user, "strategy.manage", strategy),
    }
    return render(request, "strategy/versions.jinja", context, status=400 if form.errors else 200)


def _default_pair(versions: list[StrategyVersion]) -> dict[str, int]:
    """The newest version against the one before it (versions newest first)."""
    if not versions:
        return {}
    return {"new": versions[0].number, "old": versions[min(1, len(versions) - 1)].number}


@guard("strategy.view", Strategy)
def version_compare(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    versions = list(strategy.versions.order_by("-number"))
    # Opened from a link without a choice: the newest version against the one before.
    chosen = request.GET or {k: str(v) for k, v in _default_pair(versions).items()}
    form = CompareForm(chosen or None, versions=versions)
    rows, old, new = [], None, None
    if form.is_valid():
        by_number = {v.number: v for v in versions}
        old, new = by_number[form.cleaned_data["old"]], by_number[form.cleaned_data["new"]]
        rows = compare(old.text, new.text)
    context = {"strategy": strategy, "form": form, "rows": rows, "old": old, "new": new}
    status = 400 if request.GET and form.errors else 200
    return render(request, "strategy/version_compare.jinja", context, status=status)
