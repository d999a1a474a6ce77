"""The good practice library: search, read, and (for officers) add and edit."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.accounts.permissions import can, is_member, memberships, partnerships_where
from wellboard.partnerships.models import Partnership
from wellboard.partnerships.names import shows_names
from wellboard.practice.forms import GoodPracticeForm
from wellboard.practice.models import GoodPractice, PracticeQuerySet


def visible(user: Any) -> PracticeQuerySet:
    """Everything in the user's own partnerships, and what others have published."""
    entries: PracticeQuerySet = GoodPractice.objects.filter(
        Q(partnership_id__in=list(memberships(user))) | Q(published=True)
    ).select_related("partnership", "organisation")
    return entries


@guard(signed_in=False)
def library(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    tag = request.GET.get("tag", "").strip()[:100]
    entries = visible(request.user)
    if query:
        entries = entries.search(query)
    if tag:
        entries = entries.tagged(tag)
    adding = partnerships_where(request.user, "practice.add")
    context = {
        "entries": entries.distinct(),
        "query": query,
        "tag": tag,
        "officer_partnerships": Partnership.objects.filter(pk__in=adding),
    }
    return render(request, "practice/library.jinja", context)


def _entries() -> Any:
    return GoodPractice.objects.select_related("partnership", "organisation")


@guard("practice.view", GoodPractice, queryset=_entries)
def detail(request: HttpRequest, entry: GoodPractice) -> HttpResponse:
    member = is_member(request.user, entry.partnership_id)
    actions = entry.actions.with_strategy()
    priorities = entry.priorities.with_strategy()
    if not member:
        actions = actions.published()
        priorities = priorities.published()
    context = {
        "entry": entry,
        "actions": actions,
        "priorities": priorities,
        "member": member,
        "shows_names": shows_names(request.user, entry.partnership),
        "can_edit": can(request.user, "practice.edit", entry),
        "terms": entry.partnership.glossary.all(),
    }
    return render(request, "practice/detail.jinja", context)


@guard("practice.add", Partnership, kwarg="partnership_pk", methods=("GET", "POST"))
def create(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    return _edit(request, GoodPracticeForm(request.POST or None, partnership=partnership))


@guard("practice.edit", GoodPractice, methods=("GET", "POST"))
def edit(request: HttpRequest, entry: GoodPractice) -> HttpResponse:
    form = GoodPracticeForm(request.POST or None, instance=entry, partnership=entry.partnership)
    return _edit(request, form)


def _edit(request: HttpRequest, form: GoodPracticeForm) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        entry = form.save_or_report()
        if entry is not None:
            messages.success(request, f"Saved {entry.name}.")
            return redirect("practice:detail", entry.pk)
    context = {"form": form, "partnership": form.partnership}
    return render(request, "practice/form.jinja", context, status=400 if form.errors else 200)
