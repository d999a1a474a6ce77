"""The partnership's deciding bodies: members read the list, administrators add, edit
(through the reference pages, reference.py), archive and restore them."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.partnerships.models import DecidingBody, Partnership
from wellboard.web.partnership_pages.viewer import viewer_for


@guard("directory.view", Partnership)
def deciding_bodies(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    bodies = DecidingBody.objects.filter(partnership=partnership)
    context = {
        "viewer": viewer_for(request.user, partnership),
        "partnership": partnership,
        "bodies": bodies.active(),
        "archived": bodies.archived(),
    }
    return render(request, "partnerships/deciding_bodies.jinja", context)


@guard("directory.edit", DecidingBody, methods=("POST",))
def deciding_body_archive(request: HttpRequest, body: DecidingBody) -> HttpResponse:
    """Archived, never deleted: the decisions it took keep pointing at it."""
    body.archive(request.user)
    messages.success(request, f"Archived {body.name}: it is no longer offered for decisions.")
    return redirect("partnerships:deciding_bodies", body.partnership_id)


@guard("directory.edit", DecidingBody, methods=("POST",))
def deciding_body_restore(request: HttpRequest, body: DecidingBody) -> HttpResponse:
    body.restore()
    messages.success(request, f"Restored {body.name}.")
    return redirect("partnerships:deciding_bodies", body.partnership_id)
