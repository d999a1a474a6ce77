"""Locked sign-ins of a partnership's members, and the administrator's unlock button."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wellboard.accounts.guards import guard
from wellboard.accounts.lockouts import locked_usernames, unlock
from wellboard.accounts.models import Membership
from wellboard.partnerships.models import Partnership


def _member_usernames(partnership: Partnership) -> set[str]:
    return set(
        Membership.objects.filter(partnership=partnership).values_list("user__username", flat=True)
    )


@guard("partnership.manage", Partnership, methods=("GET", "POST"))
def lockouts(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    locked = locked_usernames(_member_usernames(partnership))
    problem = ""
    if request.method == "POST":
        username = request.POST.get("username", "")
        if username in locked:
            unlock(username)
            messages.success(request, f"{username} can sign in again.")
            return redirect("partnerships:lockouts", partnership.pk)
        problem = "That account is not a locked account of this partnership."
    context = {"partnership": partnership, "locked": locked, "problem": problem}
    return render(request, "partnerships/lockouts.jinja", context, status=400 if problem else 200)
