"""Every view says who may open it, with one decorator, and the tests read what it says.

    @guard("action.update", Action, methods=("GET", "POST"))
    def add_update(request, action): ...

`guard` answers 405 for other methods, sends visitors who are not signed in to the sign-in
page when the rule has nothing for the public, looks the object up by the URL's id and
asks wellboard.accounts.permissions (404 outside the user's partnerships, 403 inside
without the role), then calls the view with the object in place of the id. It records
each declaration on the view, so tests/accounts/test_url_permissions.py can request every
URL pattern as every role and check the answers against the rules: a view without a
declaration fails that test.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseNotAllowed
from django.http.response import HttpResponseBase

from wellboard.accounts.permissions import get_for_user, partnerships_where, rule

View = Callable[..., HttpResponseBase]


@dataclass(frozen=True)
class Guard:
    """What a view declares: the rule per HTTP method, and the model its URL id names.

    No model and no rule: any signed-in user (the page lists only their partnerships'
    records), or anyone when `signed_in` is False. No model with a rule: the user's role
    must allow the rule in at least one of their partnerships.
    """

    rules: Mapping[str, str | None]
    model: type[models.Model] | None = None
    kwarg: str = "pk"
    signed_in: bool = True

    @property
    def methods(self) -> tuple[str, ...]:
        return tuple(self.rules)

    def rule_for(self, method: str) -> str | None:
        return self.rules[method]

    def public_for(self, method: str) -> bool:
        """Whether someone who is not signed in may get past the sign-in step."""
        name = self.rules[method]
        if name is None:
            return not self.signed_in
        return self.model is not None and rule(name).public


def guard(
    perm: str | Mapping[str, str] | None = None,
    model: type[models.Model] | None = None,
    *,
    kwarg: str = "pk",
    queryset: Callable[[], QuerySet[Any]] | None = None,
    methods: Sequence[str] = ("GET",),
    signed_in: bool = True,
) -> Callable[[View], View]:
    """Declare and enforce who may open a view (see the module's docstring)."""
    rules = dict(perm) if isinstance(perm, Mapping) else {m: perm for m in methods}
    for name in rules.values():
        if name is not None:
            rule(name)  # an unknown rule fails at import time, not on a request
    declared = Guard(rules, model, kwarg, signed_in)

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            method = request.method or "GET"
            if method not in declared.rules:
                return HttpResponseNotAllowed(list(declared.methods))
            user = request.user
            if not user.is_authenticated and not declared.public_for(method):
                return redirect_to_login(request.get_full_path())
            name = declared.rule_for(method)
            if model is None:
                if name is not None and not partnerships_where(user, name):
                    raise PermissionDenied(f"Your role does not allow {name}.")
                return view(request, *args, **kwargs)
            assert name is not None, "a guarded model needs a rule"
            pk = kwargs.pop(kwarg)
            base = queryset() if queryset is not None else None
            obj = get_for_user(model, pk, user, name, base)
            return view(request, obj, *args, **kwargs)

        wrapper.guard = declared  # type: ignore[attr-defined]
        return wrapper

    return decorate


def guard_of(view: Any) -> Guard | None:
    """The declaration on a view function (or None), for the URL-by-role tests."""
    found = getattr(view, "guard", None)
    return found if isinstance(found, Guard) else None
