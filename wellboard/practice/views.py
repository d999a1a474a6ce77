"""The good practice library: search, read, and (for officers) add and edit."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from wellboard.accounts.permissions import memberships
from wellboard.partnerships.access import OFFICERS, partnership_viewer
from wellboard.practice.forms import GoodPracticeForm
from wellboard.practice.models import GoodPractice, PracticeQuerySet


def visible(user: Any) -> PracticeQuerySet:
    """Everything in the user's own partnerships, and what others have published."""
    entries: PracticeQuerySet = GoodPractice.objects.filter(
        Q(partnership_id__in=list(memberships(user))) | Q(published=True)
    ).select_related("partnership", "organisation")
    return entries


@require_GET
def library(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    tag = request.GET.get("tag", "").strip()[:100]
    entries = visible(request.user)
    if query:
        entries = entries.search(query)
    if tag:
        entries = entries.tagged(tag)
    officer_partnerships = [
        m.partnership for m in memberships(request.user).values() if m.role != "board_member"
    ]
    context = {
        "entries": entries.distinct(),
        "query": query,
        "tag": tag,
        "officer_partnerships": officer_partnerships,
    }
    return render(request, "practice/library.jinja", context)


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(visible(request.user), pk=pk)
    member = entry.partnership_id in memberships(request.user)
    actions = entry.actions.select_related("priority__theme__plan__strategy")
    priorities = entry.priorities.select_related("theme__plan__strategy")
    if not member:
        actions = actions.filter(priority__theme__plan__strategy__published=True)
        priorities = priorities.filter(theme__plan__strategy__published=True)
    membership = memberships(request.user).get(entry.partnership_id)
    context = {
        "entry": entry,
        "actions": actions,
        "priorities": priorities,
        "member": member,
        "can_edit": membership is not None and membership.role != "board_member",
        "terms": entry.partnership.glossary.all(),
    }
    return render(request, "practice/detail.jinja", context)


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, partnership_pk: int) -> HttpResponse:
    viewer = partnership_viewer(request.user, partnership_pk, OFFICERS)
    return _edit(request, GoodPracticeForm(request.POST or None, partnership=viewer.partnership))


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(
        GoodPractice, pk=pk, partnership_id__in=list(memberships(request.user))
    )
    viewer = partnership_viewer(request.user, entry.partnership_id, OFFICERS)
    form = GoodPracticeForm(request.POST or None, instance=entry, partnership=viewer.partnership)
    return _edit(request, form)


def _edit(request: HttpRequest, form: GoodPracticeForm) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        entry = form.save()
        messages.success(request, f"Saved {entry.name}.")
        return redirect("practice:detail", entry.pk)
    context = {"form": form, "partnership": form.partnership}
    return render(request, "practice/form.jinja", context, status=400 if form.errors else 200)
