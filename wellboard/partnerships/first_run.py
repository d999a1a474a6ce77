"""The first run of an installation: the first partnership and its administrator.

`wellboard setup` calls `set_up`, so a new Health and Wellbeing Board can start without
the demo and without Django admin: everything after this is done in the app.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from wellboard.accounts.models import Membership
from wellboard.partnerships.models import Partnership


class SetupError(ValueError):
    """Why the first partnership or its administrator cannot be created (one line)."""


@dataclass(frozen=True)
class SetupResult:
    partnership: Partnership
    username: str


def _check(partnership: str, username: str, email: str, password: str) -> None:
    """Every refusal before anything is written, so a refused setup leaves no trace."""
    if not partnership.strip():
        raise SetupError("the partnership needs a name")
    if not username.strip():
        raise SetupError("the administrator needs a username")
    if Partnership.objects.filter(name__iexact=partnership.strip()).exists():
        raise SetupError(f"a partnership called {partnership.strip()!r} already exists")
    user_model = get_user_model()
    if user_model._default_manager.filter(username__iexact=username.strip()).exists():
        raise SetupError(f"a user called {username.strip()!r} already exists")
    try:
        validate_email(email)
    except ValidationError:
        raise SetupError(f"{email!r} is not an email address") from None
    try:
        validate_password(password, user_model(username=username, email=email))
    except ValidationError as exc:
        raise SetupError("the password: " + " ".join(exc.messages)) from None


@transaction.atomic
def set_up(partnership: str, username: str, email: str, password: str) -> SetupResult:
    """Create the partnership and its administrator together, or neither."""
    _check(partnership, username, email, password)
    created = Partnership.objects.create(name=partnership.strip())
    user = get_user_model()._default_manager.create_user(
        username=username.strip(), email=email.strip(), password=password
    )
    Membership.objects.create(user=user, partnership=created, role=Membership.Role.ADMINISTRATOR)
    return SetupResult(created, user.get_username())
