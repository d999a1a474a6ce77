"""Every API view declares its rule per method, as web views do with ``@guard``, and is
answered by the one permission layer (wellboard.accounts.permissions): records outside
the caller's partnerships do not exist (404), a role that may not is refused (403).

``ApiView.as_view()`` hangs the same ``Guard`` declaration on the view function, so the
URL-by-role test (tests/accounts/test_url_permissions.py) requests API addresses too.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.db.models import QuerySet
from rest_framework import exceptions, generics
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from wellboard.accounts.guards import Guard
from wellboard.accounts.permissions import get_for_user, partnerships_where, scoped
from wellboard.api.etags import conditional
from wellboard.api.models import ApiToken

READ_ONLY_REFUSAL = (
    "This token reads only: ask an administrator of the partnership for one made for writing."
)


class FollowsTheRules(BasePermission):
    """The guard's steps in the guard's order: method, sign-in, token scope, rule."""

    def has_permission(self, request: Request, view: Any) -> bool:
        method = "GET" if request.method == "HEAD" else str(request.method)
        declared: Guard = view.declaration()
        if method not in declared.rules:
            raise exceptions.MethodNotAllowed(str(request.method))
        user = request.user
        if not user.is_authenticated and not declared.public_for(method):
            raise exceptions.NotAuthenticated()
        token = request.auth
        if method not in SAFE_METHODS and isinstance(token, ApiToken) and not token.can_write:
            raise exceptions.PermissionDenied(READ_ONLY_REFUSAL)
        name = declared.rule_for(method)
        if declared.model is None and name is not None and not partnerships_where(user, name):
            raise exceptions.PermissionDenied(f"Your role does not allow {name}.")
        return True


class ApiView(generics.GenericAPIView):
    """A view over one kind of record: `rules` per method, `model` when the URL's id names
    one (looked up through the permission layer), `records()` for the lists."""

    model: ClassVar[type[models.Model] | None] = None
    rules: ClassVar[dict[str, str | None]] = {"GET": None}
    signed_in: ClassVar[bool] = True
    permission_classes = [FollowsTheRules]

    @classmethod
    def declaration(cls) -> Guard:
        return Guard(cls.rules, cls.model, "pk", cls.signed_in)

    @classmethod
    def as_view(cls, **initkwargs: Any) -> Any:
        view = super().as_view(**initkwargs)
        view.guard = cls.declaration()
        return view

    def base_queryset(self) -> QuerySet[Any]:
        assert self.model is not None
        return self.model._default_manager.all()

    def get_object(self) -> Any:
        """The URL's record if the caller's rule allows it (404 / 403 otherwise)."""
        assert self.model is not None
        method = "GET" if self.request.method == "HEAD" else str(self.request.method)
        rule = self.declaration().rule_for(method)
        assert rule is not None
        return get_for_user(
            self.model, self.kwargs["pk"], self.request.user, rule, self.base_queryset()
        )

    def scoped(self, model: type[models.Model], queryset: QuerySet[Any]) -> QuerySet[Any]:
        return scoped(model, self.request.user, queryset)

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        return conditional(request, response)
