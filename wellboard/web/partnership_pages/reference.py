"""Add and edit pages for the partnership's reference data, one pair per kind of record:
organisations, people, governance boards, other strategies and glossary terms.

Administrators use them (rule "directory.edit"); every other member reads the lists the
directory pages show. A successful save goes back to where the record is listed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse

from wellboard.accounts.guards import guard
from wellboard.partnerships.deciding_body_forms import DecidingBodyForm
from wellboard.partnerships.models import (
    DecidingBody,
    GlossaryTerm,
    GovernanceBoard,
    Organisation,
    OtherStrategy,
    Partnership,
    Person,
)
from wellboard.partnerships.reference_forms import (
    BoardForm,
    GlossaryEditForm,
    OrganisationForm,
    OtherStrategyForm,
    PersonForm,
    ReferenceForm,
)

View = Callable[..., HttpResponseBase]


@dataclass(frozen=True)
class Kind:
    """One kind of reference record: its model, form, words and where it is listed."""

    model: type[models.Model]
    form: type[ReferenceForm]
    singular: str
    listed_at: str  # URL name of the partnership page that lists them

    def back(self, partnership_id: int) -> str:
        return reverse(self.listed_at, args=[partnership_id])


KINDS = {
    "organisation": Kind(
        Organisation, OrganisationForm, "organisation", "partnerships:organisations"
    ),
    "person": Kind(Person, PersonForm, "person", "partnerships:people"),
    "board": Kind(GovernanceBoard, BoardForm, "governance board", "partnerships:boards"),
    "other_strategy": Kind(
        OtherStrategy, OtherStrategyForm, "other strategy", "partnerships:alignment"
    ),
    "glossary_term": Kind(GlossaryTerm, GlossaryEditForm, "glossary term", "partnerships:glossary"),
    "deciding_body": Kind(
        DecidingBody, DecidingBodyForm, "deciding body", "partnerships:deciding_bodies"
    ),
}


def _page(request: HttpRequest, kind: Kind, form: ReferenceForm, partnership: Any) -> HttpResponse:
    status = 409 if form.stale else 400 if form.errors else 200
    context = {
        "partnership": partnership,
        "form": form,
        "kind": kind,
        "editing": form.instance.pk is not None,
        "back": kind.back(partnership.pk),
    }
    return render(request, "partnerships/reference_form.jinja", context, status=status)


def new_view(kind: Kind) -> View:
    @guard("directory.edit", Partnership, methods=("GET", "POST"))
    def new(request: HttpRequest, partnership: Partnership) -> HttpResponse:
        form = kind.form(request.POST or None, partnership=partnership)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, f"Added the {kind.singular}.")
            return redirect(kind.back(partnership.pk))
        return _page(request, kind, form, partnership)

    return new


def edit_view(kind: Kind) -> View:
    @guard("directory.edit", kind.model, methods=("GET", "POST"))
    def edit(request: HttpRequest, record: Any) -> HttpResponse:
        partnership = record.partnership
        form = kind.form(request.POST or None, instance=record, partnership=partnership)
        if request.method == "POST" and form.is_valid() and form.save_or_report():
            messages.success(request, f"Saved the {kind.singular}.")
            return redirect(kind.back(partnership.pk))
        return _page(request, kind, form, partnership)

    return edit
