"""Inviting people into a partnership by email, with a link to set their password.

The link carries a signed token (django.core.signing, with a timestamp) naming the user
and a fingerprint of their password and last sign-in: it expires after seven days
(`INVITATION_DAYS`) and stops working once a password has been set with it, like
Django's password reset links, whose global timeout is shorter than an invitation needs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from wellboard.accounts.models import Membership

INVITATION_DAYS = 7
SALT = "wellboard.accounts.invitation"


class InvitationError(Exception):
    """Why an invitation cannot be made, in one line for the form."""


def _fingerprint(user: Any) -> str:
    """Changes when the user sets a password or signs in: a used link stops working."""
    login = "" if user.last_login is None else user.last_login.replace(microsecond=0).isoformat()
    return salted_hmac(SALT, f"{user.pk}|{user.password}|{login}").hexdigest()[:24]


def make_token(user: Any) -> str:
    return signing.dumps({"user": user.pk, "state": _fingerprint(user)}, salt=SALT)


@dataclass(frozen=True)
class TokenCheck:
    user: Any | None
    problem: str = ""  # "", "expired" or "invalid"


def check_token(token: str) -> TokenCheck:
    """The user the link is for, or why it cannot be used (expired, tampered with or used)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=dt.timedelta(days=INVITATION_DAYS))
    except signing.SignatureExpired:
        return TokenCheck(None, "expired")
    except signing.BadSignature:
        return TokenCheck(None, "invalid")
    user = get_user_model().objects.filter(pk=data.get("user"), is_active=True).first()
    if user is None or not constant_time_compare(data.get("state", ""), _fingerprint(user)):
        return TokenCheck(None, "invalid")
    return TokenCheck(user)


def _user_for(email: str, name: str) -> Any:
    """The account with this email address, or a new one without a usable password."""
    users = get_user_model().objects
    user = users.filter(email__iexact=email).first() or users.filter(username=email).first()
    if user is None:
        first, _, last = name.strip().partition(" ")
        user = users.create_user(
            username=email, email=email, first_name=first[:150], last_name=last[:150]
        )
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def invite(
    *,
    partnership: Any,
    email: str,
    name: str,
    role: str,
    person: Any | None,
    invited_by: Any,
    link_for: Any,
) -> Membership:
    """Make the membership and send the invitation; nothing is kept if sending fails.

    `link_for(token)` turns a token into the absolute address of the set-password page.
    """
    email = email.strip().lower()
    user = _user_for(email, name)
    if Membership.objects.filter(user=user, partnership=partnership).exists():
        raise InvitationError(f"{email} is already a member of {partnership}.")
    membership = Membership.objects.create(
        user=user,
        partnership=partnership,
        role=role,
        person=person,
        invited_at=timezone.now(),
        invited_by=invited_by,
    )
    send_invitation(membership, link_for)
    return membership


def send_invitation(membership: Membership, link_for: Any) -> None:
    """Email the invitation (again): short plain text, the link on a line of its own."""
    user = membership.user
    partnership = membership.partnership
    link = link_for(make_token(user))
    text = "\n\n".join(
        [
            f"{_display_name(membership.invited_by)} has invited you to {partnership} on "
            f"Wellboard, as {membership.get_role_display().lower()}.",
            f"Set your password with this link (it works once, for {INVITATION_DAYS} days):",
            link,
            f"Then sign in with your username: {user.get_username()}",
            "If you did not expect this email, you can ignore it.",
        ]
    )
    subject = f"You are invited to {partnership} on Wellboard"
    recipient = user.email or user.get_username()
    EmailMessage(subject, text + "\n", settings.DEFAULT_FROM_EMAIL, [recipient]).send()
    Membership.objects.filter(pk=membership.pk).update(invited_at=timezone.now())


def _display_name(user: Any) -> str:
    if user is None:
        return "The partnership's administrator"
    return user.get_full_name() or user.get_username()
