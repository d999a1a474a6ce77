"""The partnership's members: administrators invite people by email, choose each one's
role and person, resend invitations and deactivate or reactivate accounts.

The decisions about roles stay in wellboard.accounts (invitations.py, member_forms.py);
these views hand them the partnership's people, which accounts cannot import.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from wellboard.accounts.guards import guard
from wellboard.accounts.invitations import InvitationError, invite, send_invitation
from wellboard.accounts.member_forms import InviteForm, MembershipForm
from wellboard.accounts.members import check_role_change, set_active
from wellboard.accounts.models import Membership
from wellboard.partnerships.models import Partnership
from wellboard.web.partnership_pages.viewer import viewer_for


def _link_for(request: HttpRequest) -> Any:
    return lambda token: request.build_absolute_uri(reverse("accounts:invitation", args=[token]))


def _members(partnership: Partnership) -> Any:
    return (
        Membership.objects.filter(partnership=partnership)
        .select_related("user", "person")
        .order_by("-active", "user__username")
    )


@guard("members.manage", Partnership, methods=("GET", "POST"))
def members(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    people = partnership.people.order_by("name")
    form = InviteForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership = invite(
                partnership=partnership,
                email=data["email"],
                name=data["name"],
                role=data["role"],
                person=data["person"],
                invited_by=request.user,
                link_for=_link_for(request),
            )
        except InvitationError as error:
            form.add_error("email", str(error))
        except OSError as error:  # the mail server refused or could not be reached
            form.add_error(None, f"The invitation could not be sent, so nobody was added: {error}")
        else:
            messages.success(request, f"Invitation sent to {membership.user.email}.")
            return redirect("partnerships:members", partnership.pk)
    context = {
        "viewer": viewer_for(request.user, partnership),
        "partnership": partnership,
        "members": _members(partnership),
        "form": form,
    }
    return render(request, "accounts/members.jinja", context, status=400 if form.errors else 200)


@guard("members.manage", Membership, methods=("GET", "POST"))
def member_edit(request: HttpRequest, membership: Membership) -> HttpResponse:
    partnership = membership.partnership
    people = partnership.people.order_by("name")
    current = Membership.objects.get(pk=membership.pk)  # the form changes `membership`
    form = MembershipForm(request.POST or None, instance=membership, people=people)
    if request.method == "POST" and form.is_valid():
        try:
            check_role_change(current, form.cleaned_data["role"])
        except InvitationError as error:
            form.add_error("role", str(error))
        else:
            if form.save_or_report():
                messages.success(request, f"Saved {current.user.get_username()}'s membership.")
                return redirect("partnerships:members", partnership.pk)
    status = 409 if form.stale else 400 if form.errors else 200
    context = {"partnership": partnership, "membership": membership, "form": form}
    return render(request, "accounts/member_form.jinja", context, status=status)


@guard("members.manage", Membership, methods=("POST",))
def member_active(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Deactivate an active member or reactivate one; never the last administrator."""
    name = membership.user.get_username()
    try:
        set_active(membership, not membership.active)
    except InvitationError as error:
        messages.error(request, str(error))
    else:
        done = "reactivated" if membership.active else "deactivated"
        messages.success(request, f"{name} has been {done}.")
    return redirect("partnerships:members", membership.partnership_id)


@guard("members.manage", Membership, methods=("POST",))
def member_resend(request: HttpRequest, membership: Membership) -> HttpResponse:
    try:
        send_invitation(membership, _link_for(request))
    except OSError as error:
        messages.error(request, f"The invitation could not be sent: {error}")
    else:
        messages.success(request, f"Invitation sent again to {membership.user.email}.")
    return redirect("partnerships:members", membership.partnership_id)
